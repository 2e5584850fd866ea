package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.util.UUID;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * What another module needs to know of a match to decide who may touch its records: IDs, region,
 * status and when the buddy accepted. No names, no contact details.
 */
public record MatchFacts(UUID id, HelpRequestId request, String reference, ApplicationId buddy, RegionCode region, MatchStatus status,
        Instant acceptedAt) {

    /** Starting or active: support is under way. */
    public boolean isOpen() {
        return status == MatchStatus.STARTING || status == MatchStatus.ACTIVE;
    }
}
