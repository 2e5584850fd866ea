package nl.steunpunt.buddy.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.steunpunt.buddy.matching.MatchStatus;

/**
 * The contact log of one match as the reader may see it: {@code writable} when she is the match's
 * buddy and the match is starting or active; {@code earliest} is the first date a contact may have.
 */
public record MatchLog(UUID match, String reference, MatchStatus status, boolean writable, LocalDate earliest, List<ContactEntry> entries) {
}
