package nl.steunpunt.buddy.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One line of a match's contact log; {@code correctable} when the acting buddy may still correct it;
 * {@code version} goes with a correction, which is refused when the line changed meanwhile.
 */
public record ContactEntry(long id, LocalDate on, ContactKind kind, int minutes, Optional<String> topics, List<RecordedTheme> themes,
        Instant recordedAt, Optional<Instant> correctedAt, boolean correctable, long version) {
}
