package nl.steunpunt.buddy.recruitment;

import java.time.Instant;

import nl.steunpunt.buddy.shared.RegionCode;

/** A row of the applications list. */
public record ApplicationSummary(ApplicationId id, String reference, String name, RegionCode region,
        ApplicationStatus status, Instant submittedAt, Instant lastChangedAt) {
}
