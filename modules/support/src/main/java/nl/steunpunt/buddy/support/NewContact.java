package nl.steunpunt.buddy.support;

import java.time.LocalDate;
import java.util.Set;

/** A contact as the buddy enters it: the date, kind, minutes, topics and signal theme codes. */
public record NewContact(LocalDate on, ContactKind kind, Integer minutes, String topics, Set<String> themes) {
}
