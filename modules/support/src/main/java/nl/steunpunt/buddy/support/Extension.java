package nl.steunpunt.buddy.support;

import java.time.LocalDate;

/** The {@code number}th extension of a match, from {@code extendedOn} until {@code until}. */
public record Extension(int number, LocalDate extendedOn, LocalDate until) {
}
