package nl.steunpunt.buddy.training;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/** The refresher was missed: the buddy is unavailable for matching until re-certified. */
public record QualificationExpired(ApplicationId trainee, RegionCode region) {
}
