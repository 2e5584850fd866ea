package nl.steunpunt.buddy.matching;

import java.util.List;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/**
 * The optimal assignment of the waiting list, for a coordinator to review before anything is
 * proposed: pairs with their explained scores, the total, and the requests that stay waiting.
 */
public record BatchProposal(List<Pair> pairs, long totalScore, List<HelpRequestSummary> stayWaiting) {

    /** One proposed pair. */
    public record Pair(HelpRequestSummary request, ApplicationId buddy, String buddyName, int score,
            List<Contribution> contributions) {
    }
}
