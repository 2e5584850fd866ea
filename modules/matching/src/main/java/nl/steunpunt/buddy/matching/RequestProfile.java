package nl.steunpunt.buddy.matching;

import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/**
 * What the engine knows of a help request (no names: IDs and categories only).
 *
 * @param declinedBy buddies who already declined this request or let the proposal lapse: not asked again
 */
public record RequestProfile(String requestId, RegionCode region, SchoolLevel schoolLevel, Set<ProblemArea> problemAreas,
        String language, Optional<String> school, Optional<GeoPoint> location, Set<String> declinedBy) {

    public RequestProfile {
        declinedBy = Set.copyOf(declinedBy);
    }

    /** A request no buddy has declined yet. */
    public RequestProfile(String requestId, RegionCode region, SchoolLevel schoolLevel, Set<ProblemArea> problemAreas,
            String language, Optional<String> school, Optional<GeoPoint> location) {
        this(requestId, region, schoolLevel, problemAreas, language, school, location, Set.of());
    }
}
