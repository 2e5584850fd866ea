package nl.steunpunt.buddy.matching;

import java.util.EnumMap;
import java.util.Map;

/**
 * The weight of each criterion (points a perfect fit earns), configurable per region; and the
 * distance at which the distance criterion earns nothing.
 */
public record MatchingWeights(Map<Criterion, Integer> weights, double maxDistanceKm) {

    public MatchingWeights {
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            Integer weight = weights.get(criterion);
            if (weight == null || weight < 0 || weight > 1000) {
                throw new IllegalArgumentException("Weight of " + criterion + " must be 0..1000");
            }
            copy.put(criterion, weight);
        }
        if (!(maxDistanceKm > 0)) {
            throw new IllegalArgumentException("maxDistanceKm must be positive");
        }
        weights = Map.copyOf(copy);
    }

    /** The defaults: problem areas 40, school level 20, language 15, distance 15, availability 10 (sum 100); 25 km. */
    public static MatchingWeights defaults() {
        return new MatchingWeights(Map.of(Criterion.PROBLEM_AREAS, 40, Criterion.SCHOOL_LEVEL, 20, Criterion.LANGUAGE, 15,
                Criterion.DISTANCE, 15, Criterion.AVAILABILITY, 10), 25.0);
    }

    public int weight(Criterion criterion) {
        return weights.get(criterion);
    }

    public int maximum() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }
}
