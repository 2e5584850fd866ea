package nl.steunpunt.buddy.training;

import java.time.Instant;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/** A selected buddy enrolled in the basic training track. */
public record Enrollment(ApplicationId applicationId, RegionCode region, String track, Instant enrolledAt) {
}
