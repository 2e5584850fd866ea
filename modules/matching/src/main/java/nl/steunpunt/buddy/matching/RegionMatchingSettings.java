package nl.steunpunt.buddy.matching;

/** A region's matching settings: the weights of the criteria and a buddy's default maximum of open matches. */
public record RegionMatchingSettings(MatchingWeights weights, int maxMatches) {

    public static RegionMatchingSettings defaults() {
        return new RegionMatchingSettings(MatchingWeights.defaults(), 2);
    }
}
