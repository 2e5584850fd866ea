package nl.steunpunt.buddy.recruitment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * That a VOG (Verklaring Omtrent het Gedrag) was seen: when, by whom, the date on the certificate and
 * whether it is valid. Never the document or a copy.
 */
public record VogRecord(LocalDate seenOn, String seenBy, LocalDate certificateDate, boolean valid, Instant recordedAt) {
}
