package nl.steunpunt.buddy.support;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A concern the buddy raised and, once handled, the coordinator's outcome and action. */
public record Concern(UUID id, UUID matchId, String text, ConcernUrgency urgency, Instant raisedAt, Optional<String> outcome,
        Optional<String> action, Optional<Instant> handledAt) {

    public boolean handled() {
        return handledAt.isPresent();
    }
}
