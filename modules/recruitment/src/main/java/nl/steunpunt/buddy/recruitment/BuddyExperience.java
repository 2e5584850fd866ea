package nl.steunpunt.buddy.recruitment;

import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/** What matching needs of a selected buddy's application: her experience, no contact details. */
public record BuddyExperience(ApplicationId id, String reference, RegionCode region, Set<SchoolLevel> schoolLevels,
        Set<ProblemArea> problemAreas, Set<String> languages, int hoursPerWeek) {
}
