package nl.steunpunt.buddy.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how long ranking and batch assignment take on the sizes of the matching issue. Run with
 * {@code ./mvnw -pl modules/matching -am verify -Pbench}; it measures and prints, it asserts no time.
 */
@Tag("bench")
class MatchingBenchmarkTest {

    private final MatchingEngine engine = new MatchingEngine(java.util.Map.of(
            MatchingEngineTest.UTRECHT, java.util.Set.of(MatchingEngineTest.EEMLAND),
            MatchingEngineTest.EEMLAND, java.util.Set.of(MatchingEngineTest.UTRECHT)));

    @Test
    void rank_one_request_against_ten_thousand_buddies() {
        Random random = new Random(42);
        List<BuddyProfile> buddies = MatchingEngineTest.randomBuddies(random, 10_000);
        RequestProfile request = MatchingEngineTest.request("r", MatchingEngineTest.UTRECHT, Optional.empty(), random);
        for (int i = 0; i < 50; i++) {
            engine.rank(request, buddies, MatchingWeights.defaults());
        }
        int runs = 200;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            engine.rank(request, buddies, MatchingWeights.defaults());
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("bench rank 1 x 10000: %.2f ms per request (target < 20 ms)%n", ms);
    }

    @Test
    void assign_two_thousand_requests_to_three_thousand_buddies() {
        Random random = new Random(7);
        List<BuddyProfile> buddies = MatchingEngineTest.randomBuddies(random, 3_000);
        List<RequestProfile> requests = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            requests.add(MatchingEngineTest.request("r" + i, random.nextBoolean() ? MatchingEngineTest.UTRECHT : MatchingEngineTest.EEMLAND,
                    Optional.empty(), random));
        }
        long start = System.nanoTime();
        Assignment assignment = engine.assign(requests, buddies, MatchingWeights.defaults());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench assign 2000 x 3000: %.2f s, %d matched, total score %d%n", seconds,
                assignment.pairs().size(), assignment.totalScore());
    }
}
