package nl.steunpunt.buddy.matching;

import java.util.List;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm.MinimumCostFlow;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The reference for the batch assignment: the same problem solved by a well-kept library, JGraphT's
 * exact minimum-cost flow ({@link CapacityScalingMinimumCostFlow}, successive shortest paths with
 * capacity scaling). The network: every request supplies one unit; an arc request → buddy for
 * every allowed pair; an arc buddy → sink with the buddy's free capacity; an arc request → sink to
 * stay waiting. Costs are {@code maximum - score} on a pair and {@code maximum} for waiting: every
 * request sends its unit somewhere, so the flow's cost is {@code requests × maximum − total score}
 * and the cheapest flow is the assignment with the largest total score. (The shift keeps every cost
 * non-negative; with costs {@code -score} JGraphT first saturates every negative arc and needs ten
 * times as long for the same optimum.)
 *
 * <p>Scores come from the engine's public {@link MatchingEngine#brokenRule} and
 * {@link MatchingEngine#score}, computed beforehand by {@link #scores}, so the reference solves
 * exactly the instance the engine solves.
 */
final class ReferenceAssignment {

    /** Marks a pair a hard rule forbids in a score table. */
    static final int FORBIDDEN = -1;

    /**
     * The reference's answer.
     *
     * @param totalScore   the largest total score (the optimum)
     * @param buddyOf      for each request the index of its buddy, or -1 if it stays waiting
     * @param networkNanos time to build the JGraphT network
     * @param solveNanos   time JGraphT needed to solve it
     */
    record Result(long totalScore, int[] buddyOf, long networkNanos, long solveNanos) {
    }

    private ReferenceAssignment() {
    }

    /** The score of every pair, {@link #FORBIDDEN} where a hard rule excludes the buddy: public engine API only. */
    static int[][] scores(MatchingEngine engine, List<RequestProfile> requests, List<BuddyProfile> buddies, MatchingWeights weights) {
        int[][] score = new int[requests.size()][buddies.size()];
        for (int r = 0; r < requests.size(); r++) {
            for (int b = 0; b < buddies.size(); b++) {
                RequestProfile request = requests.get(r);
                BuddyProfile buddy = buddies.get(b);
                score[r][b] = engine.brokenRule(request, buddy).isPresent() ? FORBIDDEN : engine.score(request, buddy, weights).score();
            }
        }
        return score;
    }

    /** The optimal assignment of this score table, each buddy taking at most her free capacity. */
    static Result solve(int[][] score, List<BuddyProfile> buddies, int maximum) {
        long start = System.nanoTime();
        int requests = score.length;
        int sink = requests + buddies.size();
        Graph<Integer, Arc> network = network();
        for (int v = 0; v <= sink; v++) {
            network.addVertex(v);
        }
        for (int r = 0; r < requests; r++) {
            add(network, r, sink, 1, maximum);
            for (int b = 0; b < buddies.size(); b++) {
                if (score[r][b] != FORBIDDEN) {
                    add(network, r, requests + b, 1, maximum - score[r][b]);
                }
            }
        }
        for (int b = 0; b < buddies.size(); b++) {
            if (buddies.get(b).freeCapacity() > 0) {
                add(network, requests + b, sink, buddies.get(b).freeCapacity(), 0);
            }
        }
        MinimumCostFlowProblem<Integer, Arc> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(network,
                v -> v < requests ? 1 : v == sink ? -requests : 0, arc -> arc.capacity);
        long built = System.nanoTime();
        MinimumCostFlow<Arc> flow = new CapacityScalingMinimumCostFlow<Integer, Arc>().getMinimumCostFlow(problem);
        long solved = System.nanoTime();

        int[] buddyOf = new int[requests];
        java.util.Arrays.fill(buddyOf, -1);
        for (Arc arc : network.edgeSet()) {
            int from = network.getEdgeSource(arc);
            int to = network.getEdgeTarget(arc);
            if (from < requests && to != sink && flow.getFlow(arc) > 0.5) {
                buddyOf[from] = to - requests;
            }
        }
        long totalScore = (long) requests * maximum - Math.round(flow.getCost());
        return new Result(totalScore, buddyOf, built - start, solved - built);
    }

    /**
     * A directed multigraph without JGraphT's vertex-pair index: the network never asks for the arc
     * between two given vertices, and without the index it is built about three times as fast (and
     * smaller). The solver is the same either way.
     */
    private static Graph<Integer, Arc> network() {
        return new AbstractBaseGraph<>(null, null, new DefaultGraphType.Builder().directed().allowMultipleEdges(true)
                .allowSelfLoops(false).weighted(true).build(), new DefaultGraphSpecificsStrategy<>()) {
        };
    }

    private static void add(Graph<Integer, Arc> network, int from, int to, int capacity, int cost) {
        Arc arc = new Arc(capacity);
        network.addEdge(from, to, arc);
        network.setEdgeWeight(arc, cost);
    }

    /** A network arc with its capacity. */
    static final class Arc extends DefaultWeightedEdge {

        private static final long serialVersionUID = 1L;

        private final int capacity;

        Arc(int capacity) {
            this.capacity = capacity;
        }
    }
}
