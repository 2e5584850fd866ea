package nl.steunpunt.buddy.recruitment;

import nl.steunpunt.buddy.shared.RegionCode;

/** The applicant withdrew; whatever step selection was at ends. */
public record ApplicationWithdrawn(ApplicationId applicationId, String reference, RegionCode region) {
}
