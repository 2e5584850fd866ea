package nl.steunpunt.buddy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/** The engine's promises, checked on many random instances (seeded, so a failure can be replayed). */
class MatchingEngineTest {

    static final RegionCode UTRECHT = new RegionCode("PO-2605");
    static final RegionCode EEMLAND = new RegionCode("VO-2606");
    static final RegionCode FAR = new RegionCode("PO-3001");
    private final MatchingEngine engine = new MatchingEngine(Map.of(UTRECHT, Set.of(EEMLAND), EEMLAND, Set.of(UTRECHT)));
    private final MatchingWeights weights = MatchingWeights.defaults();

    @Test
    void each_hard_rule_excludes_a_buddy_with_its_reason() {
        RequestProfile base = request("r1", UTRECHT, Optional.of("school-7"), new Random(1));
        RequestProfile request = new RequestProfile(base.requestId(), base.region(), base.schoolLevel(), base.problemAreas(),
                base.language(), base.school(), base.location(), Set.of("declined"));
        List<BuddyProfile> buddies = List.of(
                buddy("declined", UTRECHT, true, true, 0, 2, Set.of()),
                buddy("uncertified", UTRECHT, false, true, 0, 2, Set.of()),
                buddy("no-vog", UTRECHT, true, false, 0, 2, Set.of()),
                buddy("far-away", FAR, true, true, 0, 2, Set.of()),
                buddy("full", UTRECHT, true, true, 2, 2, Set.of()),
                buddy("same-school", UTRECHT, true, true, 0, 2, Set.of("school-7")),
                buddy("neighbour", EEMLAND, true, true, 0, 2, Set.of()),
                buddy("fine", UTRECHT, true, true, 1, 2, Set.of()));

        Ranking ranking = engine.rank(request, buddies, weights);

        assertThat(ranking.exclusions()).containsExactlyInAnyOrder(
                new Exclusion("uncertified", HardRule.NOT_CERTIFIED), new Exclusion("no-vog", HardRule.VOG_NOT_VALID),
                new Exclusion("far-away", HardRule.OTHER_REGION), new Exclusion("full", HardRule.NO_CAPACITY),
                new Exclusion("same-school", HardRule.CONFLICT_OF_INTEREST), new Exclusion("declined", HardRule.DECLINED_BEFORE));
        assertThat(ranking.candidates()).extracting(Candidate::buddyId).containsExactlyInAnyOrder("neighbour", "fine");
    }

    @Test
    void a_perfect_fit_earns_every_weight_and_the_explanation_says_so_per_criterion() {
        RequestProfile request = new RequestProfile("r", UTRECHT, SchoolLevel.VO, EnumSet.of(ProblemArea.AUTISME, ProblemArea.OPP),
                "nl", Optional.empty(), Optional.of(new GeoPoint(52.09, 5.12)));
        BuddyProfile buddy = new BuddyProfile("b", UTRECHT, true, true, 0, 2, EnumSet.of(ProblemArea.AUTISME, ProblemArea.OPP),
                EnumSet.of(SchoolLevel.VO), Set.of("nl"), 4, Set.of(), Optional.of(new GeoPoint(52.09, 5.12)));

        Candidate candidate = engine.score(request, buddy, weights);

        assertThat(candidate.score()).isEqualTo(weights.maximum());
        assertThat(candidate.contributions()).allSatisfy(c -> assertThat(c.points()).isEqualTo(weights.weight(c.criterion())));
    }

    @Test
    void half_the_problem_areas_and_another_language_earn_half_and_nothing() {
        RequestProfile request = new RequestProfile("r", UTRECHT, SchoolLevel.PO, EnumSet.of(ProblemArea.AUTISME, ProblemArea.ADHD),
                "ar", Optional.empty(), Optional.empty());
        BuddyProfile buddy = new BuddyProfile("b", UTRECHT, true, true, 1, 2, EnumSet.of(ProblemArea.AUTISME),
                EnumSet.of(SchoolLevel.VO), Set.of("nl"), 4, Set.of(), Optional.empty());

        Map<Criterion, Integer> points = new HashMap<>();
        engine.score(request, buddy, weights).contributions().forEach(c -> points.put(c.criterion(), c.points()));

        assertThat(points).containsEntry(Criterion.PROBLEM_AREAS, 20).containsEntry(Criterion.SCHOOL_LEVEL, 0)
                .containsEntry(Criterion.LANGUAGE, 0).containsEntry(Criterion.AVAILABILITY, 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
    void rankings_never_break_a_hard_rule_and_every_explanation_adds_up(long seed) {
        Random random = new Random(seed);
        List<BuddyProfile> buddies = randomBuddies(random, 60);
        for (int i = 0; i < 20; i++) {
            RequestProfile request = request("r" + i, random.nextBoolean() ? UTRECHT : EEMLAND,
                    random.nextInt(3) == 0 ? Optional.of("school-" + random.nextInt(5)) : Optional.empty(), random);
            Ranking ranking = engine.rank(request, buddies, weights);
            assertThat(ranking.candidates().size() + ranking.exclusions().size()).isEqualTo(buddies.size());
            for (Candidate candidate : ranking.candidates()) {
                BuddyProfile buddy = buddies.stream().filter(b -> b.buddyId().equals(candidate.buddyId())).findFirst().orElseThrow();
                assertThat(engine.brokenRule(request, buddy)).isEmpty();
                assertThat(candidate.contributions().stream().mapToInt(Contribution::points).sum()).isEqualTo(candidate.score());
                assertThat(candidate.score()).isBetween(0, weights.maximum());
            }
            assertThat(ranking.candidates()).isSortedAccordingTo((a, b) -> Integer.compare(b.score(), a.score()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40 })
    void the_batch_assignment_is_optimal_against_brute_force_and_respects_every_rule(long seed) {
        Random random = new Random(seed);
        List<BuddyProfile> buddies = randomBuddies(random, 1 + random.nextInt(4));
        List<RequestProfile> requests = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            requests.add(request("r" + i, random.nextBoolean() ? UTRECHT : EEMLAND,
                    random.nextInt(3) == 0 ? Optional.of("school-" + random.nextInt(3)) : Optional.empty(), random));
        }

        Assignment assignment = engine.assign(requests, buddies, weights);

        assertThat(assignment.totalScore()).isEqualTo(bruteForce(requests, buddies, 0, new HashMap<>()));
        Map<String, Integer> load = new HashMap<>();
        for (Assignment.Pair pair : assignment.pairs()) {
            RequestProfile request = requests.stream().filter(r -> r.requestId().equals(pair.requestId())).findFirst().orElseThrow();
            BuddyProfile buddy = buddies.stream().filter(b -> b.buddyId().equals(pair.candidate().buddyId())).findFirst().orElseThrow();
            assertThat(engine.brokenRule(request, buddy)).isEmpty();
            load.merge(buddy.buddyId(), 1, Integer::sum);
        }
        load.forEach((id, count) -> assertThat(count)
                .isLessThanOrEqualTo(buddies.stream().filter(b -> b.buddyId().equals(id)).findFirst().orElseThrow().freeCapacity()));
        assertThat(assignment.pairs().size() + assignment.unassignedRequests().size()).isEqualTo(requests.size());
        assertThat(assignment.pairs().stream().mapToLong(p -> p.candidate().score()).sum()).isEqualTo(assignment.totalScore());
    }

    @Test
    void a_request_nobody_may_take_stays_waiting() {
        RequestProfile request = request("lonely", FAR, Optional.empty(), new Random(3));
        List<BuddyProfile> elsewhere = randomBuddies(new Random(3), 20).stream().filter(b -> !b.region().equals(FAR)).toList();
        Assignment assignment = engine.assign(List.of(request), elsewhere, weights);

        assertThat(assignment.pairs()).isEmpty();
        assertThat(assignment.unassignedRequests()).containsExactly("lonely");
    }

    /** The best total over every way to give each request one allowed buddy with room, or none. */
    private long bruteForce(List<RequestProfile> requests, List<BuddyProfile> buddies, int index, Map<String, Integer> used) {
        if (index == requests.size()) {
            return 0;
        }
        RequestProfile request = requests.get(index);
        long best = bruteForce(requests, buddies, index + 1, used);
        for (BuddyProfile buddy : buddies) {
            if (engine.brokenRule(request, buddy).isEmpty() && used.getOrDefault(buddy.buddyId(), 0) < buddy.freeCapacity()) {
                used.merge(buddy.buddyId(), 1, Integer::sum);
                best = Math.max(best, engine.score(request, buddy, weights).score() + bruteForce(requests, buddies, index + 1, used));
                used.merge(buddy.buddyId(), -1, Integer::sum);
            }
        }
        return best;
    }

    static List<BuddyProfile> randomBuddies(Random random, int count) {
        List<BuddyProfile> buddies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RegionCode region = switch (random.nextInt(5)) {
                case 0 -> FAR;
                case 1, 2 -> EEMLAND;
                default -> UTRECHT;
            };
            int max = 1 + random.nextInt(3);
            buddies.add(new BuddyProfile("b" + i, region, random.nextInt(8) != 0, random.nextInt(10) != 0, random.nextInt(max + 1), max,
                    someOf(random, ProblemArea.values()), someOf(random, SchoolLevel.values()),
                    random.nextBoolean() ? Set.of("nl") : Set.of("nl", "ar"), 1 + random.nextInt(8),
                    random.nextInt(4) == 0 ? Set.of("school-" + random.nextInt(5)) : Set.of(), location(random)));
        }
        return buddies;
    }

    static RequestProfile request(String id, RegionCode region, Optional<String> school, Random random) {
        return new RequestProfile(id, region, SchoolLevel.values()[random.nextInt(SchoolLevel.values().length)],
                someOf(random, ProblemArea.values()), random.nextInt(4) == 0 ? "ar" : "nl", school, location(random),
                random.nextInt(5) == 0 ? Set.of("b" + random.nextInt(8)) : Set.of());
    }

    private static BuddyProfile buddy(String id, RegionCode region, boolean certified, boolean vog, int active, int max, Set<String> schools) {
        return new BuddyProfile(id, region, certified, vog, active, max, EnumSet.of(ProblemArea.THUISZITTER),
                EnumSet.of(SchoolLevel.PO), Set.of("nl"), 4, schools, Optional.empty());
    }

    private static Optional<GeoPoint> location(Random random) {
        return random.nextInt(4) == 0 ? Optional.empty()
                : Optional.of(new GeoPoint(51.9 + random.nextDouble() * 0.5, 4.9 + random.nextDouble() * 0.6));
    }

    private static <E extends Enum<E>> Set<E> someOf(Random random, E[] values) {
        Set<E> set = new java.util.HashSet<>();
        set.add(values[random.nextInt(values.length)]);
        if (random.nextBoolean()) {
            set.add(values[random.nextInt(values.length)]);
        }
        return set;
    }
}
