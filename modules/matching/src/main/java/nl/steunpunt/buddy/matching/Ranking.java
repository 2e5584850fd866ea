package nl.steunpunt.buddy.matching;

import java.util.List;

/** The candidates for one request, best first, and who was excluded and why. */
public record Ranking(String requestId, List<Candidate> candidates, List<Exclusion> exclusions) {
}
