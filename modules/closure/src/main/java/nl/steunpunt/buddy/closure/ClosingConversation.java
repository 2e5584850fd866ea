package nl.steunpunt.buddy.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The coordinator's closing conversation with parent and buddy. */
public record ClosingConversation(LocalDate heldOn, ConversationOutcome outcome, Optional<String> notes, String recordedBy,
        Instant recordedAt) {
}
