package nl.steunpunt.buddy.intervisie;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/**
 * One session of a group. Attendance and theme codes are empty until it is held.
 *
 * @param groupReference the group's reference (the business key of its process)
 */
public record IntervisieSession(UUID id, UUID groupId, String groupReference, Instant startsAt, Instant endsAt, String location,
        SessionStatus status, Map<ApplicationId, Attendance> attendance, List<String> themeCodes) {

    public IntervisieSession {
        attendance = Map.copyOf(attendance);
        themeCodes = List.copyOf(themeCodes);
    }
}
