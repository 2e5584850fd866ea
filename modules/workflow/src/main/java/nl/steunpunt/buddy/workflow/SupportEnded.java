package nl.steunpunt.buddy.workflow;

import java.util.UUID;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * The support process of a match ended (the review closed it, or it was ended early); the match is
 * {@code ENDING} with its reason recorded. Published inside the ending transaction; the closure
 * process starts from it. {@code businessKey} is the help request's reference, shared by both processes.
 */
public record SupportEnded(UUID matchId, HelpRequestId helpRequest, String businessKey, RegionCode region, String buddyUserId) {
}
