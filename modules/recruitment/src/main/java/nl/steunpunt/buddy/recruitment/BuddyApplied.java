package nl.steunpunt.buddy.recruitment;

import nl.steunpunt.buddy.shared.RegionCode;

/** A prospective buddy applied; selection starts. */
public record BuddyApplied(ApplicationId applicationId, String reference, RegionCode region) {
}
