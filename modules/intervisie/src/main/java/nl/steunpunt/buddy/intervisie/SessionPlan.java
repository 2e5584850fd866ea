package nl.steunpunt.buddy.intervisie;

import java.time.LocalDateTime;

/** When and where a session takes place, in the application's time zone. */
public record SessionPlan(LocalDateTime start, LocalDateTime end, String location) {
}
