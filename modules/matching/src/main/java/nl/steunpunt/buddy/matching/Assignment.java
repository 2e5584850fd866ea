package nl.steunpunt.buddy.matching;

import java.util.List;
import java.util.Set;

/** A proposal for a whole waiting list: pairs of request and buddy, their total score, and who stays waiting. */
public record Assignment(List<Pair> pairs, long totalScore, Set<String> unassignedRequests) {

    /** One proposed match with its explained score. */
    public record Pair(String requestId, Candidate candidate) {
    }
}
