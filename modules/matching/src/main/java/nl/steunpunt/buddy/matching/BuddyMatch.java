package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.SchoolLevel;

/** A match as the buddy sees it: after accepting she gets the requester's contact details. */
public record BuddyMatch(UUID matchId, HelpRequestId request, String reference, RequesterKind kind, String contactName,
        Optional<String> email, Optional<String> phone, SchoolLevel schoolLevel, Set<ProblemArea> problemAreas,
        Optional<LocalDate> schoolMeetingOn, Optional<String> place, MatchStatus status, Instant acceptedAt,
        Optional<LocalDate> firstContactOn, Optional<LocalDate> introductionOn) {
}
