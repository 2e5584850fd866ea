package nl.steunpunt.buddy.closure;

import java.time.Instant;
import java.util.Optional;

/** The buddy's own evaluation of a match. */
public record BuddyEvaluation(BuddyScores scores, Optional<String> comment, Instant submittedAt) {
}
