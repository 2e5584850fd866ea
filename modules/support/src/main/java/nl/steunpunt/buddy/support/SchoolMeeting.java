package nl.steunpunt.buddy.support;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A school meeting of a match with the buddy's preparation and follow-up. */
public record SchoolMeeting(UUID id, UUID matchId, Instant startsAt, Instant endsAt, String school, Optional<String> purpose,
        MeetingStatus status, Optional<String> preparationNote, Optional<Boolean> tookPlace, Optional<Boolean> messageSent,
        Optional<String> followUpNote) {
}
