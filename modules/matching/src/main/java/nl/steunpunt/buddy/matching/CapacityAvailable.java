package nl.steunpunt.buddy.matching;

import java.util.Set;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * A buddy became available (newly certified, refreshed, or a place freed up): waiting requests of
 * these regions deserve another look now rather than at their next periodic re-evaluation.
 */
public record CapacityAvailable(Set<RegionCode> regions) {
}
