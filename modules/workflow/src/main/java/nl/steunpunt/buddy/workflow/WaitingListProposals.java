package nl.steunpunt.buddy.workflow;

import java.util.List;

import nl.steunpunt.buddy.matching.BatchProposal;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.recruitment.ApplicationId;

/**
 * Proposals made from the waiting list: the request's process leaves the waiting list and asks the
 * buddy, in the same transaction as the proposal is recorded.
 */
public interface WaitingListProposals {

    /** Proposes one buddy to one waiting request (a reason is needed when she is not the best-ranked). */
    void propose(HelpRequestId request, ApplicationId buddy, String overrideReason);

    /**
     * Proposes every approved pair of a reviewed batch, all or nothing: when the waiting list or a
     * buddy's capacity changed meanwhile, nothing is proposed and the coordinator recomputes.
     */
    void proposeBatch(List<BatchProposal.Pair> approved);
}
