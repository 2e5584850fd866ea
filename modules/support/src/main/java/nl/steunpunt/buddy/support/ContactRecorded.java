package nl.steunpunt.buddy.support;

import java.util.UUID;

import nl.steunpunt.buddy.shared.RegionCode;

/** A buddy recorded or corrected a line of a match's contact log; its themes may have changed. */
public record ContactRecorded(long lineId, UUID matchId, RegionCode region) {
}
