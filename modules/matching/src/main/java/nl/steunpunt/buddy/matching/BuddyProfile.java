package nl.steunpunt.buddy.matching;

import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/**
 * What the engine knows of a buddy.
 *
 * @param activeMatches   matches she supports now
 * @param maxMatches      how many she may support at once (region setting, default 2)
 * @param schools         schools she is connected to (her own child's): a conflict of interest
 */
public record BuddyProfile(String buddyId, RegionCode region, boolean certified, boolean vogValid, int activeMatches,
        int maxMatches, Set<ProblemArea> problemAreas, Set<SchoolLevel> schoolLevels, Set<String> languages,
        int hoursPerWeek, Set<String> schools, Optional<GeoPoint> location) {

    public int freeCapacity() {
        return Math.max(0, maxMatches - activeMatches);
    }
}
