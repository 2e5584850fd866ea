package nl.steunpunt.buddy.recruitment;

import nl.steunpunt.buddy.shared.RegionCode;

/** A coordinator saw the applicant's VOG; {@code valid} routes the selection on. */
public record VogRegistered(ApplicationId applicationId, String reference, RegionCode region, boolean valid) {
}
