package nl.steunpunt.buddy.support;

import java.time.LocalDate;
import java.util.Optional;

import nl.steunpunt.buddy.matching.ClosureReason;

/** A review decision: extend, or close with a closure reason; with the coordinator's explanation. */
public record Review(LocalDate decidedOn, ReviewDecision decision, Optional<ClosureReason> closureReason, Optional<String> reason,
        String decidedBy) {
}
