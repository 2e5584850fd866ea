package nl.steunpunt.buddy.matching;

import java.util.List;

/** The ranked, explained candidates for one request and who was excluded; {@code maximum} is the best possible score. */
public record CandidateList(HelpRequestId request, List<RankedCandidate> candidates, List<ExcludedBuddy> excluded, int maximum) {
}
