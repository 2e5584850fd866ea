package nl.steunpunt.buddy.matching;

import java.util.UUID;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/** Parent and buddy met: the match is active and support begins. */
public record MatchActivated(UUID match, HelpRequestId request, String reference, ApplicationId buddy, RegionCode region) {
}
