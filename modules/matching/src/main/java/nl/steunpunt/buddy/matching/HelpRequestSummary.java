package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.util.Optional;

import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/** One line of a list of help requests. */
public record HelpRequestSummary(HelpRequestId id, String reference, RegionCode region, RequesterKind kind, String contactName,
        SchoolLevel schoolLevel, Urgency urgency, HelpRequestStatus status, Instant submittedAt, Optional<Instant> waitingSince) {
}
