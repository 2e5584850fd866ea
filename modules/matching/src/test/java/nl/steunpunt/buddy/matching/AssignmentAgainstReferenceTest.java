package nl.steunpunt.buddy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch assignment on instances too large for brute force (up to 300 requests × 400 buddies,
 * random weights): its total equals the optimum of JGraphT's exact minimum-cost flow, and it breaks
 * no hard rule or capacity.
 */
class AssignmentAgainstReferenceTest {

    private final MatchingEngine engine = new MatchingEngine(Map.of(MatchingEngineTest.UTRECHT, Set.of(MatchingEngineTest.EEMLAND),
            MatchingEngineTest.EEMLAND, Set.of(MatchingEngineTest.UTRECHT)));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
    void the_total_equals_the_reference_optimum(long seed) {
        Random random = new Random(seed);
        List<BuddyProfile> buddies = MatchingEngineTest.randomBuddies(random, 80 + random.nextInt(320));
        List<RequestProfile> requests = new ArrayList<>();
        for (int i = 0, n = 50 + random.nextInt(250); i < n; i++) {
            requests.add(MatchingEngineTest.request("r" + i, random.nextBoolean() ? MatchingEngineTest.UTRECHT : MatchingEngineTest.EEMLAND,
                    random.nextInt(3) == 0 ? Optional.of("school-" + random.nextInt(5)) : Optional.empty(), random));
        }
        MatchingWeights weights = randomWeights(random);

        Assignment assignment = engine.assign(requests, buddies, weights);
        ReferenceAssignment.Result reference = ReferenceAssignment.solve(ReferenceAssignment.scores(engine, requests, buddies, weights),
                buddies, weights.maximum());

        assertThat(assignment.totalScore()).isEqualTo(reference.totalScore());
        Map<String, Integer> load = new HashMap<>();
        long total = 0;
        for (Assignment.Pair pair : assignment.pairs()) {
            RequestProfile request = requests.stream().filter(r -> r.requestId().equals(pair.requestId())).findFirst().orElseThrow();
            BuddyProfile buddy = buddies.stream().filter(b -> b.buddyId().equals(pair.candidate().buddyId())).findFirst().orElseThrow();
            assertThat(engine.brokenRule(request, buddy)).isEmpty();
            assertThat(pair.candidate()).isEqualTo(engine.score(request, buddy, weights));
            assertThat(load.merge(buddy.buddyId(), 1, Integer::sum)).isLessThanOrEqualTo(buddy.freeCapacity());
            total += pair.candidate().score();
        }
        assertThat(total).isEqualTo(assignment.totalScore());
        assertThat(assignment.pairs().size() + assignment.unassignedRequests().size()).isEqualTo(requests.size());
    }

    private static MatchingWeights randomWeights(Random random) {
        Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            weights.put(criterion, random.nextInt(4) == 0 ? 0 : random.nextInt(200));
        }
        return new MatchingWeights(weights, 5 + random.nextInt(40));
    }
}
