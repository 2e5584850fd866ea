package nl.steunpunt.buddy.matching;

import java.util.List;

/** A buddy who may take the request, with a score whose contributions add up to it exactly. */
public record Candidate(String buddyId, int score, List<Contribution> contributions) {

    public Candidate {
        contributions = List.copyOf(contributions);
        int sum = contributions.stream().mapToInt(Contribution::points).sum();
        if (sum != score) {
            throw new IllegalArgumentException("Contributions add up to " + sum + ", not " + score);
        }
    }
}
