package nl.steunpunt.buddy.training;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/** All competences met and VOG valid: the buddy is available for matching. */
public record BuddyCertified(ApplicationId trainee, RegionCode region) {
}
