package nl.steunpunt.buddy.matching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/**
 * One proposal of a buddy for a request, with the explained score it had when proposed.
 *
 * @param rankPosition  her place in the ranking when proposed (1 = best); empty for a batch proposal
 * @param overrideReason why the coordinator chose her over a better-ranked buddy
 */
public record ProposalRecord(long id, ApplicationId buddy, String buddyName, Optional<Integer> score,
        Optional<Integer> rankPosition, List<Contribution> explanation, Optional<String> overrideReason, ProposalSource source,
        ProposalStatus status, String proposedBy, Instant proposedAt, Optional<Instant> answeredAt, Optional<String> declineReason) {

    /** How the proposal was made. */
    public enum ProposalSource {
        RANKING, WAITING_LIST, BATCH
    }

    public enum ProposalStatus {
        PENDING, ACCEPTED, DECLINED, TIMED_OUT, WITHDRAWN
    }
}
