package nl.steunpunt.buddy.closure;

import java.util.UUID;

/** The parent submitted the evaluation of a match through the personal link; {@code reference} is the case reference. */
public record ParentEvaluationSubmitted(UUID matchId, String reference) {
}
