package nl.steunpunt.buddy.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
            Optional<HardRule> broken = brokenRule(request, buddy);
            if (broken.isPresent()) {
                exclusions.add(new Exclusion(buddy.buddyId(), broken.get()));
            } else {
                candidates.add(score(request, buddy, weights));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::buddyId));
        return new Ranking(request.requestId(), candidates, exclusions);
    }

    /** The first hard rule this buddy breaks for this request, if any. */
    public Optional<HardRule> brokenRule(RequestProfile request, BuddyProfile buddy) {
        if (!buddy.certified()) {
            return Optional.of(HardRule.NOT_CERTIFIED);
        }
        if (!buddy.vogValid()) {
            return Optional.of(HardRule.VOG_NOT_VALID);
        }
        if (!servesRegion(buddy, request.region())) {
            return Optional.of(HardRule.OTHER_REGION);
        }
        if (buddy.freeCapacity() <= 0) {
            return Optional.of(HardRule.NO_CAPACITY);
        }
        if (request.school().map(buddy.schools()::contains).orElse(false)) {
            return Optional.of(HardRule.CONFLICT_OF_INTEREST);
        }
        if (request.declinedBy().contains(buddy.buddyId())) {
            return Optional.of(HardRule.DECLINED_BEFORE);
        }
        return Optional.empty();
    }

    /** The explained score of a buddy who breaks no hard rule. */
    public Candidate score(RequestProfile request, BuddyProfile buddy, MatchingWeights weights) {
        Map<Criterion, Double> fit = new EnumMap<>(Criterion.class);
        long shared = request.problemAreas().stream().filter(buddy.problemAreas()::contains).count();
        fit.put(Criterion.PROBLEM_AREAS, request.problemAreas().isEmpty() ? 1.0 : (double) shared / request.problemAreas().size());
        fit.put(Criterion.SCHOOL_LEVEL, buddy.schoolLevels().contains(request.schoolLevel()) ? 1.0 : 0.0);
        fit.put(Criterion.LANGUAGE, request.language() == null || buddy.languages().contains(request.language()) ? 1.0 : 0.0);
        fit.put(Criterion.DISTANCE, distanceFit(request, buddy, weights));
        fit.put(Criterion.AVAILABILITY, buddy.maxMatches() == 0 ? 0.0 : (double) buddy.freeCapacity() / buddy.maxMatches());
        List<Contribution> contributions = new ArrayList<>();
        int score = 0;
        for (Criterion criterion : Criterion.values()) {
            int points = (int) Math.round(weights.weight(criterion) * fit.get(criterion));
            contributions.add(new Contribution(criterion, fit.get(criterion), points));
            score += points;
        }
        return new Candidate(buddy.buddyId(), score, contributions);
    }

    /**
     * The assignment of requests to buddies with the largest total score, respecting every hard
     * rule and each buddy's free capacity. A request no buddy may take stays unassigned; so does
     * one whose only candidates are better used elsewhere. Exact: the Hungarian method on requests
     * against buddy places (one per free place), with a "stay waiting" place per request.
     */
    public Assignment assign(List<RequestProfile> requests, List<BuddyProfile> buddies, MatchingWeights weights) {
        List<BuddyProfile> places = new ArrayList<>();
        for (BuddyProfile buddy : buddies) {
            for (int i = 0; i < Math.min(buddy.freeCapacity(), requests.size()); i++) {
                places.add(buddy);
            }
        }
        int n = requests.size();
        int m = places.size() + n;
        long[][] cost = new long[n][m];
        Candidate[][] candidate = new Candidate[n][places.size()];
        long forbidden = (long) weights.maximum() * (n + 1) + 1;
        for (int r = 0; r < n; r++) {
            RequestProfile request = requests.get(r);
            Map<String, Candidate> scored = new java.util.HashMap<>();
            for (int p = 0; p < places.size(); p++) {
                BuddyProfile buddy = places.get(p);
                if (brokenRule(request, buddy).isPresent()) {
                    cost[r][p] = forbidden;
                } else {
                    Candidate c = scored.computeIfAbsent(buddy.buddyId(), id -> score(request, buddy, weights));
                    candidate[r][p] = c;
                    cost[r][p] = -c.score();
                }
            }
            for (int w = places.size(); w < m; w++) {
                cost[r][w] = w - places.size() == r ? 0 : forbidden;
            }
        }
        int[] column = Hungarian.solve(cost);
        List<Assignment.Pair> pairs = new ArrayList<>();
        Set<String> unassigned = new LinkedHashSet<>();
        long total = 0;
        for (int r = 0; r < n; r++) {
            int p = column[r];
            if (p < places.size() && candidate[r][p] != null) {
                pairs.add(new Assignment.Pair(requests.get(r).requestId(), candidate[r][p]));
                total += candidate[r][p].score();
            } else {
                unassigned.add(requests.get(r).requestId());
            }
        }
        return new Assignment(pairs, total, unassigned);
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
