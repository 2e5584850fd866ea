package nl.steunpunt.buddy.matching;

import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/** What the engine knows of a help request (no names: IDs and categories only). */
public record RequestProfile(String requestId, RegionCode region, SchoolLevel schoolLevel, Set<ProblemArea> problemAreas,
        String language, Optional<String> school, Optional<GeoPoint> location) {
}
