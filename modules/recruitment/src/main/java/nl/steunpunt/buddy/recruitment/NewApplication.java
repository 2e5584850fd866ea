package nl.steunpunt.buddy.recruitment;

import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/**
 * What a prospective buddy tells us when applying.
 *
 * @param languages     ISO 639-1 codes of the languages she speaks with parents
 * @param hoursPerWeek  hours a week she can give
 * @param consent       explicit consent to store and process these data for selection
 * @param language      language for mail to the applicant: {@code nl} or {@code en}
 */
public record NewApplication(
        String firstName,
        String lastName,
        String email,
        String phone,
        RegionCode region,
        Set<SchoolLevel> schoolLevels,
        Set<ProblemArea> problemAreas,
        Set<String> languages,
        int hoursPerWeek,
        String motivation,
        boolean consent,
        String language) {
}
