package nl.steunpunt.buddy.closure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * What the closure of a match recorded, for the region's coordinators. No contact details of the
 * family; {@code parentHasEmail} tells whether the evaluation link goes by mail or must be passed on.
 */
public record ClosureFile(UUID matchId, String reference, RegionCode region, Optional<ClosureReason> reason, Optional<Instant> endedAt,
        Optional<ClosingConversation> conversation, LinkState parentLink, Optional<ParentEvaluation> parentEvaluation,
        Optional<BuddyEvaluation> buddyEvaluation, Optional<Appreciation> appreciation, boolean parentHasEmail) {
}
