package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** The match of a request with a buddy. */
public record MatchRecord(UUID id, ApplicationId buddy, String buddyName, MatchStatus status, Instant acceptedAt,
        Optional<LocalDate> firstContactOn, Optional<String> firstContactNote, Optional<LocalDate> introductionOn,
        Optional<String> introductionNote, Optional<Instant> activatedAt) {
}
