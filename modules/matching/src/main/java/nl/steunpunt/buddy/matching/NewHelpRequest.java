package nl.steunpunt.buddy.matching;

import java.time.LocalDate;
import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/**
 * What a parent or young person tells us when asking for support.
 *
 * @param contactName           how we address the requester
 * @param preferredLanguage     ISO 639-1 code of the language the requester prefers to talk in
 * @param schoolMeetingOn       the date of an upcoming school meeting, if any
 * @param school                the child's school (kept to avoid conflicts of interest), optional
 * @param place                 woonplaats, for the distance criterion, optional
 * @param question              the question in the requester's own words
 * @param consent               explicit consent to store and process these data for matching
 * @param correspondenceLanguage language of our mail: {@code nl} or {@code en}
 */
public record NewHelpRequest(
        RequesterKind kind,
        String contactName,
        String email,
        String phone,
        RegionCode region,
        SchoolLevel schoolLevel,
        Set<ProblemArea> problemAreas,
        String preferredLanguage,
        Urgency urgency,
        LocalDate schoolMeetingOn,
        String school,
        String place,
        String question,
        boolean consent,
        String correspondenceLanguage) {
}
