package nl.steunpunt.buddy.closure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The appreciation of the buddy: thanks sent, invited to the yearly meeting, expenses paid (euros). */
public record Appreciation(boolean thanksSent, boolean invitedToYearlyMeeting, Optional<BigDecimal> expenses, String recordedBy,
        Instant recordedAt) {
}
