package nl.steunpunt.buddy.matching;

import java.util.List;
import java.util.Optional;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * A buddy who may take a request, with her explained score (the contributions add up to it) and
 * what a coordinator weighs besides: her load and whether she can answer in the app.
 */
public record RankedCandidate(int position, ApplicationId buddy, String name, RegionCode region, int score,
        List<Contribution> contributions, int openMatches, int maxMatches, Optional<String> place, boolean hasAccount) {
}
