package nl.steunpunt.buddy.training;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.steunpunt.buddy.shared.RegionCode;

/** A scheduled session with the modules it covers. */
public record TrainingSession(UUID id, RegionCode region, Instant startsAt, Instant endsAt, String location, int capacity,
        String trainerId, List<String> moduleCodes, int participants) {
}
