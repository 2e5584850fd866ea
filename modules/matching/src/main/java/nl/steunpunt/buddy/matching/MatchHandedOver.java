package nl.steunpunt.buddy.matching;

import java.util.UUID;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * A leaving buddy's active match went to another buddy: her open tasks of the match are now the
 * new buddy's. {@code newBuddyUserId} is the new buddy's user account.
 */
public record MatchHandedOver(UUID matchId, HelpRequestId request, ApplicationId from, ApplicationId to, String newBuddyUserId,
        RegionCode region) {
}
