package nl.steunpunt.buddy.support;

import java.time.LocalDate;
import java.time.LocalTime;

/** A school meeting as the buddy plans or moves it: day, from and until (local time), school, purpose and attendees. */
public record MeetingPlan(LocalDate on, LocalTime from, LocalTime until, String school, String purpose) {
}
