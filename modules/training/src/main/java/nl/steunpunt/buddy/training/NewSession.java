package nl.steunpunt.buddy.training;

import java.time.LocalDateTime;
import java.util.Set;

import nl.steunpunt.buddy.shared.RegionCode;

/** A training session a trainer schedules. */
public record NewSession(RegionCode region, LocalDateTime startsAt, LocalDateTime endsAt, String location, int capacity,
        Set<String> moduleCodes) {
}
