package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * A buddy who is leaving or left, as her coordinator sees it.
 *
 * @param activeMatchIds the matches she still holds (to be handed over)
 */
public record BuddyDeparture(ApplicationId buddy, String reference, String name, RegionCode region, DepartureReason reason,
        Instant announcedAt, Optional<LocalDate> exitHeldOn, Optional<String> exitNote, Optional<Boolean> mayContact,
        Optional<Instant> archivedAt, List<UUID> activeMatchIds) {
}
