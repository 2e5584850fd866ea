package nl.steunpunt.buddy.matching;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * The places a region's pool offers changed without a match changing: a coordinator set a buddy's
 * own maximum of open matches, an administrator the region's default, or a leaving buddy was archived.
 */
public record PoolCapacityChanged(RegionCode region) {
}
