package nl.steunpunt.buddy.recruitment;

import nl.steunpunt.buddy.shared.RegionCode;

/** An applicant was not selected; the reason stays in the application record. */
public record ApplicationRejected(ApplicationId applicationId, RegionCode region) {
}
