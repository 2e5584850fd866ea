package nl.steunpunt.buddy.matching;

import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * A buddy in the matching pool of a region, with what matching uses beyond her application.
 *
 * @param maxMatchesOverride her own maximum, when it differs from the region's
 * @param leaving            she announced that she stops: no longer proposed, her matches are being handed over
 * @param version            of her profile: a save over an older version is refused as a conflicting change
 */
public record PoolBuddy(ApplicationId id, String reference, String name, RegionCode region, boolean qualified, boolean vogValid,
        int openMatches, int maxMatches, Optional<Integer> maxMatchesOverride, Optional<String> place, Set<String> schools,
        boolean hasAccount, boolean leaving, long version) {
}
