package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/** The case file of a help request, as a coordinator of its region sees it. */
public record HelpRequestDetails(
        HelpRequestId id,
        String reference,
        RegionCode region,
        RequesterKind kind,
        Channel channel,
        String contactName,
        Optional<String> email,
        Optional<String> phone,
        SchoolLevel schoolLevel,
        Set<ProblemArea> problemAreas,
        String preferredLanguage,
        Urgency urgency,
        Optional<LocalDate> schoolMeetingOn,
        Optional<String> school,
        Optional<String> place,
        String question,
        HelpRequestStatus status,
        Optional<String> intakeNote,
        Optional<String> withdrawalReason,
        Instant submittedAt,
        Optional<Instant> waitingSince,
        List<ProposalRecord> proposals,
        Optional<MatchRecord> match) {
}
