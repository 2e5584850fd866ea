package nl.steunpunt.buddy.closure;

import java.time.Instant;
import java.util.Optional;

/** The parent's evaluation as submitted through the link. */
public record ParentEvaluation(ParentScores scores, Optional<String> comment, Instant submittedAt) {
}
