package nl.steunpunt.buddy.support;

import java.time.LocalDate;

/** A check-in as the coordinator records it. */
public record NewCheckIn(LocalDate heldOn, HowItGoes going, String notes, String followUp) {
}
