package nl.steunpunt.buddy.recruitment;

import nl.steunpunt.buddy.shared.RegionCode;

/** An applicant was selected as buddy; VOG and training follow. */
public record BuddySelected(ApplicationId applicationId, String reference, RegionCode region) {
}
