package nl.steunpunt.buddy.support;

import java.time.LocalDate;
import java.util.Optional;

/** A coordinator's check-in with the buddy of a match. */
public record CheckIn(long id, LocalDate heldOn, HowItGoes going, Optional<String> notes, Optional<String> followUp, String recordedBy) {
}
