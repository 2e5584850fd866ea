package nl.steunpunt.buddy.intervisie;

import java.time.Instant;
import java.util.UUID;

/** A planned session of one of the buddy's own groups, as she sees it. */
public record UpcomingSession(UUID id, String groupName, SessionKind kind, Instant startsAt, Instant endsAt, String location) {
}
