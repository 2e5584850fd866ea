package nl.steunpunt.buddy.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * Ranks buddies for a help request and assigns a whole waiting list optimally. Hard rules exclude;
 * weighted criteria score; every score is the exact sum of its criteria's contributions.
 */
public class MatchingEngine {

    private static final Criterion[] CRITERIA = Criterion.values();

    private final Map<RegionCode, Set<RegionCode>> neighbours;

    /** @param neighbours for each region, the regions next to it (a buddy may help there too) */
    public MatchingEngine(Map<RegionCode, Set<RegionCode>> neighbours) {
        this.neighbours = Map.copyOf(neighbours);
    }

    /** The candidates for one request, best first (ties by buddy ID, so the order is stable). */
    public Ranking rank(RequestProfile request, List<BuddyProfile> buddies, MatchingWeights weights) {
        List<Candidate> candidates = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (BuddyProfile buddy : buddies) {
            HardRule broken = firstBroken(request, buddy);
            if (broken != null) {
                exclusions.add(new Exclusion(buddy.buddyId(), broken));
            } else {
                candidates.add(score(request, buddy, weights));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::buddyId));
        return new Ranking(request.requestId(), candidates, exclusions);
    }

    /** The first hard rule this buddy breaks for this request, if any. */
    public Optional<HardRule> brokenRule(RequestProfile request, BuddyProfile buddy) {
        return Optional.ofNullable(firstBroken(request, buddy));
    }

    /** The explained score of a buddy who breaks no hard rule. */
    public Candidate score(RequestProfile request, BuddyProfile buddy, MatchingWeights weights) {
        List<Contribution> contributions = new ArrayList<>(CRITERIA.length);
        int score = 0;
        for (Criterion criterion : CRITERIA) {
            double fit = fit(criterion, request, buddy, weights);
            int points = points(weights.weight(criterion), fit);
            contributions.add(new Contribution(criterion, fit, points));
            score += points;
        }
        return new Candidate(buddy.buddyId(), score, contributions);
    }

    /**
     * The assignment of requests to buddies with the largest total score, respecting every hard
     * rule and each buddy's free capacity. A request no buddy may take stays unassigned; so does
     * one whose only candidates are better used elsewhere. Exact: a minimum-cost assignment (the
     * Hungarian method in its sparse, capacitated form, see {@link CapacitatedAssignment}) of the
     * requests to the buddies over the allowed pairs only, at cost {@code maximum - score}, where
     * staying unassigned costs {@code maximum}; a buddy is one column with her free capacity.
     */
    public Assignment assign(List<RequestProfile> requests, List<BuddyProfile> buddies, MatchingWeights weights) {
        int maximum = weights.maximum();
        int[] weight = new int[CRITERIA.length];
        for (Criterion criterion : CRITERIA) {
            weight[criterion.ordinal()] = weights.weight(criterion);
        }
        int[] capacity = new int[buddies.size()];
        for (int b = 0; b < buddies.size(); b++) {
            capacity[b] = buddies.get(b).freeCapacity();
        }
        int[] rowStart = new int[requests.size() + 1];
        int[] column = new int[Math.max(16, requests.size() * 16)];
        int[] cost = new int[column.length];
        int arcs = 0;
        for (int r = 0; r < requests.size(); r++) {
            RequestProfile request = requests.get(r);
            for (int b = 0; b < buddies.size(); b++) {
                BuddyProfile buddy = buddies.get(b);
                if (firstBroken(request, buddy) == null) {
                    if (arcs == column.length) {
                        column = Arrays.copyOf(column, 2 * arcs);
                        cost = Arrays.copyOf(cost, 2 * arcs);
                    }
                    column[arcs] = b;
                    cost[arcs] = maximum - plainScore(request, buddy, weights, weight);
                    arcs++;
                }
            }
            rowStart[r + 1] = arcs;
        }
        int[] buddyOf = CapacitatedAssignment.solve(rowStart, column, cost, capacity, maximum);
        // only the chosen pairs get their explanation; its score is the plain score the solver used
        List<Assignment.Pair> pairs = new ArrayList<>();
        Set<String> unassigned = new LinkedHashSet<>();
        long total = 0;
        for (int r = 0; r < requests.size(); r++) {
            RequestProfile request = requests.get(r);
            if (buddyOf[r] == CapacitatedAssignment.UNASSIGNED) {
                unassigned.add(request.requestId());
            } else {
                Candidate candidate = score(request, buddies.get(buddyOf[r]), weights);
                pairs.add(new Assignment.Pair(request.requestId(), candidate));
                total += candidate.score();
            }
        }
        return new Assignment(pairs, total, unassigned);
    }

    private HardRule firstBroken(RequestProfile request, BuddyProfile buddy) {
        if (!buddy.certified()) {
            return HardRule.NOT_CERTIFIED;
        }
        if (!buddy.vogValid()) {
            return HardRule.VOG_NOT_VALID;
        }
        if (!servesRegion(buddy, request.region())) {
            return HardRule.OTHER_REGION;
        }
        if (buddy.freeCapacity() <= 0) {
            return HardRule.NO_CAPACITY;
        }
        if (request.school().isPresent() && buddy.schools().contains(request.school().get())) {
            return HardRule.CONFLICT_OF_INTEREST;
        }
        if (request.declinedBy().contains(buddy.buddyId())) {
            return HardRule.DECLINED_BEFORE;
        }
        return null;
    }

    /** The score alone, without its explanation: the same fits and rounding as {@link #score}. */
    private static int plainScore(RequestProfile request, BuddyProfile buddy, MatchingWeights weights, int[] weight) {
        int score = 0;
        for (Criterion criterion : CRITERIA) {
            score += points(weight[criterion.ordinal()], fit(criterion, request, buddy, weights));
        }
        return score;
    }

    private static int points(int weight, double fit) {
        return (int) Math.round(weight * fit);
    }

    /** How well the buddy fits the request on one criterion, 0 to 1. */
    private static double fit(Criterion criterion, RequestProfile request, BuddyProfile buddy, MatchingWeights weights) {
        return switch (criterion) {
            case PROBLEM_AREAS -> {
                if (request.problemAreas().isEmpty()) {
                    yield 1.0;
                }
                int shared = 0;
                for (var area : request.problemAreas()) {
                    if (buddy.problemAreas().contains(area)) {
                        shared++;
                    }
                }
                yield (double) shared / request.problemAreas().size();
            }
            case SCHOOL_LEVEL -> buddy.schoolLevels().contains(request.schoolLevel()) ? 1.0 : 0.0;
            case LANGUAGE -> request.language() == null || buddy.languages().contains(request.language()) ? 1.0 : 0.0;
            case DISTANCE -> distanceFit(request, buddy, weights);
            case AVAILABILITY -> buddy.maxMatches() == 0 ? 0.0 : (double) buddy.freeCapacity() / buddy.maxMatches();
        };
    }

    private boolean servesRegion(BuddyProfile buddy, RegionCode region) {
        return buddy.region().equals(region) || neighbours.getOrDefault(region, Set.of()).contains(buddy.region());
    }

    private static double distanceFit(RequestProfile request, BuddyProfile buddy, MatchingWeights weights) {
        if (request.location().isPresent() && buddy.location().isPresent()) {
            double km = request.location().get().kilometresTo(buddy.location().get());
            return Math.max(0.0, 1.0 - km / weights.maxDistanceKm());
        }
        return buddy.region().equals(request.region()) ? 0.5 : 0.25;
    }
}
