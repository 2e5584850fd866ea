package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.SchoolLevel;

/**
 * What a buddy sees of a request before she accepts: no name or contact details, enough to decide.
 */
public record ProposalForBuddy(long proposalId, HelpRequestId request, String reference, RequesterKind kind,
        SchoolLevel schoolLevel, Set<ProblemArea> problemAreas, String preferredLanguage, Urgency urgency,
        Optional<LocalDate> schoolMeetingOn, Optional<String> place, Instant proposedAt) {
}
