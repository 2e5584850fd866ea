package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.MatchingWorld.Buddy;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * A buddy's capacity (pending proposals plus starting and active matches) is never exceeded: not
 * when two coordinators take her last place at the same moment, and not after any sequence of
 * proposals, answers, time-outs, withdrawals and activations, sequential or concurrent. A buddy's
 * answer and the requester's withdrawal at the same moment never deadlock.
 */
class CapacityConcurrencyTest extends ApplicationTest {

    private static final int ROUNDS = 10;

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired HelpRequests requests;
    @Autowired Matchmaking matchmaking;
    @Autowired WorkItems workItems;
    @Autowired JdbcClient db;

    @AfterEach
    void tearDown() {
        world.signOut();
    }

    @Test
    void two_coordinators_proposing_a_buddys_last_place_at_the_same_moment_get_exactly_one_proposal() throws Exception {
        Scene scene = matching.scene();
        Buddy hana = matching.certifiedBuddy(scene, buddy("hana").maxMatches(1));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                HelpRequestId first = matching.request(scene).submit();
                HelpRequestId second = matching.request(scene).submit();
                WorkItem firstTask = matching.toProposeTask(scene, first);
                WorkItem secondTask = matching.toProposeTask(scene, second);
                assertThat(load(hana)).isZero();

                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                Future<Optional<Throwable>> byCoordinator = threads.submit(
                        proposeOnTask(scene.coordinator(), firstTask, first, hana, ready, go));
                Future<Optional<Throwable>> byColleague = threads.submit(
                        proposeOnTask(scene.colleague(), secondTask, second, hana, ready, go));
                assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                List<Optional<Throwable>> outcomes = List.of(byCoordinator.get(60, TimeUnit.SECONDS),
                        byColleague.get(60, TimeUnit.SECONDS));

                assertThat(outcomes).as("round %d", round).filteredOn(Optional::isEmpty).hasSize(1);
                Throwable refused = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
                assertThat(refused).as("round %d", round).isInstanceOf(InvalidInputException.class);
                assertThat(((TranslatableException) refused).messageKey()).isEqualTo("error.match.not-a-candidate.NO_CAPACITY");
                assertThat(load(hana)).as("round %d", round).isEqualTo(1);
                assertWithinCapacity(scene);

                HelpRequestId winner = outcomes.get(0).isEmpty() ? first : second;
                HelpRequestId loser = winner.equals(first) ? second : first;
                WorkItem loserTask = winner.equals(first) ? secondTask : firstTask;
                assertThat(requests.status(winner)).isEqualTo(HelpRequestStatus.PROPOSED);
                assertThat(requests.status(loser)).isEqualTo(HelpRequestStatus.SEARCHING);
                assertThat(matching.tasksOf(scene.coordinator(), loser)).extracting(WorkItem::id).containsExactly(loserTask.id());
                assertThat(world.as(scene.coordinator(), () -> requests.open(loser).proposals())).isEmpty();
                matching.awaitTask(hana.username(), winner, MatchingProcess.TASK_ANSWER_PROPOSAL);

                world.as(scene.coordinator(), () -> {
                    requests.withdraw(first, "Einde ronde");
                    requests.withdraw(second, "Einde ronde");
                    return null;
                });
                assertThat(load(hana)).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_buddy_answering_at_the_moment_the_requester_withdraws_gets_one_of_the_two_through_and_never_a_deadlock() throws Exception {
        Scene scene = matching.scene();
        Buddy lot = matching.certifiedBuddy(scene, buddy("lot").maxMatches(10));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                HelpRequestId id = matching.request(scene).submit();
                matching.toProposeTask(scene, id);
                matching.propose(scene.coordinator(), id, lot, null);
                WorkItem answer = matching.awaitTask(lot.username(), id, MatchingProcess.TASK_ANSWER_PROPOSAL);
                String token = requests.contact(id).orElseThrow().withdrawToken();
                boolean accept = round % 2 == 0;

                CountDownLatch go = new CountDownLatch(1);
                Future<Optional<Throwable>> answering = threads.submit(() -> {
                    world.signIn(lot.username());
                    try {
                        go.await();
                        workItems.complete(answer.id(), Map.of(MatchingProcess.Variables.ACCEPTED, accept),
                                () -> matchmaking.answer(id, accept, "Het past nu toch niet"));
                        return Optional.<Throwable>empty();
                    } catch (RuntimeException e) {
                        return Optional.<Throwable>of(e);
                    } finally {
                        world.signOut();
                    }
                });
                Future<Optional<Throwable>> withdrawing = threads.submit(() -> {
                    go.await();
                    try {
                        requests.withdrawByLink(token, "We hebben al hulp");
                        return Optional.<Throwable>empty();
                    } catch (RuntimeException e) {
                        return Optional.<Throwable>of(e);
                    }
                });
                go.countDown();
                Optional<Throwable> answered = answering.get(60, TimeUnit.SECONDS);
                Optional<Throwable> withdrawn = withdrawing.get(60, TimeUnit.SECONDS);

                assertThat(withdrawn).as("round %d: the withdrawal", round).isEmpty();
                if (answered.isPresent()) {
                    // Refused as no longer hers while the task still exists, or as already handled once
                    // the withdrawal has ended the process (never as a task of another region).
                    assertThat(answered.get()).as("round %d: the answer after the withdrawal", round)
                            .isInstanceOfAny(AccessDeniedException.class, TaskGoneException.class);
                    assertThat(((TranslatableException) answered.get()).messageKey()).as("round %d", round)
                            .isIn("error.match.not-your-proposal", "error.task.gone");
                }
                assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.WITHDRAWN);
                assertThat(load(lot)).as("round %d", round).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void random_proposals_answers_time_outs_and_withdrawals_never_take_a_buddy_above_her_maximum() throws Exception {
        // A fixed default seed keeps the sequential part the same on every run (it must propose, accept
        // and decline); -Dmatching.seed=… explores other sequences.
        long seed = Long.getLong("matching.seed", 20_261_128L);
        Scene scene = matching.scene();
        List<Buddy> buddies = matching.certifiedBuddies(scene, buddy("ida").maxMatches(1), buddy("jet").maxMatches(2),
                buddy("kim").maxMatches(1));
        List<HelpRequestId> ids = searching(scene, 8);

        // Sequential: checked after every step.
        Random random = new Random(seed);
        Map<String, Integer> outcomes = new HashMap<>();
        for (int step = 0; step < 80; step++) {
            String outcome = randomStep(scene, buddies, ids, random);
            outcomes.merge(outcome, 1, Integer::sum);
            assertWithinCapacity(scene, "seed " + seed + ", step " + step + " (" + outcome + ")");
        }

        // Fresh requests for the concurrent part: what is still open is withdrawn first.
        for (HelpRequestId id : ids) {
            if (requests.status(id).isOpen()) {
                world.as(scene.coordinator(), () -> {
                    requests.withdraw(id, "Opgeruimd");
                    return null;
                });
            }
        }
        List<HelpRequestId> fresh = searching(scene, 8);
        // Concurrent: three coordinators and the buddies at once; checked while it runs and after.
        Map<String, Integer> concurrent = new HashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Map<String, Integer>>> workers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Random own = new Random(seed + t + 1);
                workers.add(threads.submit(() -> {
                    go.await();
                    Map<String, Integer> counted = new HashMap<>();
                    for (int step = 0; step < 40; step++) {
                        counted.merge(randomStep(scene, buddies, fresh, own), 1, Integer::sum);
                    }
                    return counted;
                }));
            }
            go.countDown();
            for (Future<Map<String, Integer>> worker : workers) {
                while (!worker.isDone()) {
                    assertWithinCapacity(scene, "seed " + seed + ", concurrent");
                    Thread.sleep(20);
                }
                worker.get().forEach((k, v) -> concurrent.merge(k, v, Integer::sum));
            }
        } finally {
            threads.shutdownNow();
        }
        assertWithinCapacity(scene, "seed " + seed + ", after the concurrent steps");
        assertThat(outcomes).as("seed %d: the sequence did propose, accept and decline", seed)
                .containsKeys("proposed", "accepted", "declined");
        assertThat(concurrent).as("seed %d: the concurrent steps did propose and answer", seed).containsKeys("proposed", "accepted");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** New requests taken through intake; each is searching (or waiting, when nobody has a place left). */
    private List<HelpRequestId> searching(Scene scene, int count) {
        List<HelpRequestId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(matching.request(scene).submit());
        }
        for (HelpRequestId id : ids) {
            matching.intake(scene.coordinator(), id);
        }
        for (HelpRequestId id : ids) {
            MatchingWorld.await().until(() -> requests.status(id) == HelpRequestStatus.SEARCHING
                    || requests.status(id) == HelpRequestStatus.WAITING);
        }
        return ids;
    }

    private Callable<Optional<Throwable>> proposeOnTask(String coordinator, WorkItem task, HelpRequestId request, Buddy buddy,
            CountDownLatch ready, CountDownLatch go) {
        return () -> {
            world.signIn(coordinator);
            try {
                // As the propose screen does: the buddy's account routes her answer task to her.
                Map<String, Object> routing = Map.of(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID,
                        matchmaking.accountOf(buddy.id()).orElseThrow());
                ready.countDown();
                go.await();
                workItems.complete(task.id(), routing, () -> matchmaking.propose(request, buddy.id(), null));
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e);
            } finally {
                world.signOut();
            }
        };
    }

    /**
     * One random step as a coordinator, the proposed buddy, another buddy or the workflow. Refusals
     * the app gives for a state that does not allow the step are part of the game; anything else fails.
     */
    private String randomStep(Scene scene, List<Buddy> buddies, List<HelpRequestId> ids, Random random) {
        HelpRequestId request = ids.get(random.nextInt(ids.size()));
        Buddy someone = buddies.get(random.nextInt(buddies.size()));
        int dice = random.nextInt(100);
        String coordinator = random.nextBoolean() ? scene.coordinator() : scene.colleague();
        try {
            if (dice < 45) {
                world.as(coordinator, () -> matchmaking.propose(request, someone.id(), "Willekeurig gekozen"));
                return "proposed";
            }
            if (dice < 82) {
                Optional<String> proposed = pendingBuddyOf(request);
                boolean accept = random.nextInt(3) > 0;
                String actor = proposed.filter(p -> random.nextInt(10) > 0).orElse(someone.username());
                world.as(actor, () -> {
                    matchmaking.answer(request, accept, "Past nu niet");
                    return null;
                });
                return accept ? "accepted" : "declined";
            }
            if (dice < 90) {
                matchmaking.recordDecline(request);
                return "timed out";
            }
            if (dice < 95) {
                matchmaking.activate(request);
                return "activated";
            }
            world.as(coordinator, () -> {
                requests.withdraw(request, "Ingetrokken");
                return null;
            });
            return "withdrawn";
        } catch (InvalidInputException e) {
            return "refused " + e.messageKey();
        } catch (AccessDeniedException e) {
            return "denied " + e.messageKey();
        }
    }

    private Optional<String> pendingBuddyOf(HelpRequestId request) {
        return db.sql("SELECT buddy_user_id FROM match_proposal WHERE request_id = ? AND status = 'PENDING'").param(request.value())
                .query(String.class).optional();
    }

    private int load(Buddy buddy) {
        return db.sql("SELECT (SELECT count(*) FROM match_proposal WHERE buddy_id = :id AND status = 'PENDING') "
                + "+ (SELECT count(*) FROM buddy_match WHERE buddy_id = :id AND status IN ('STARTING', 'ACTIVE'))")
                .param("id", buddy.id().value()).query(Integer.class).single();
    }

    private void assertWithinCapacity(Scene scene) {
        assertWithinCapacity(scene, "");
    }

    /** Straight from the tables: no buddy above her maximum, and every request's status agrees with its records. */
    private void assertWithinCapacity(Scene scene, String description) {
        List<Object[]> rows = db.sql("SELECT b.reference, COALESCE(b.max_matches, s.max_matches, 2), "
                + "(SELECT count(*) FROM match_proposal p WHERE p.buddy_id = b.application_id AND p.status = 'PENDING') "
                + "+ (SELECT count(*) FROM buddy_match m WHERE m.buddy_id = b.application_id AND m.status IN ('STARTING', 'ACTIVE')) "
                + "FROM matching_buddy b LEFT JOIN matching_setting s ON s.region_code = b.region_code WHERE b.region_code = ?")
                .param(scene.region().value()).query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getInt(3) }).list();
        assertThat(rows).as(description).isNotEmpty();
        for (Object[] row : rows) {
            assertThat((Integer) row[2]).as("%s: load of %s", description, row[0]).isLessThanOrEqualTo((Integer) row[1]);
        }
        List<String> inconsistent = db.sql("SELECT r.reference || ' ' || r.status || ' pending=' || "
                + "(SELECT count(*) FROM match_proposal p WHERE p.request_id = r.id AND p.status = 'PENDING') || ' starting=' || "
                + "(SELECT count(*) FROM buddy_match m WHERE m.request_id = r.id AND m.status = 'STARTING') || ' active=' || "
                + "(SELECT count(*) FROM buddy_match m WHERE m.request_id = r.id AND m.status = 'ACTIVE') FROM help_request r "
                + "WHERE r.region_code = ? AND NOT ("
                + "(r.status = 'PROPOSED') = EXISTS (SELECT 1 FROM match_proposal p WHERE p.request_id = r.id AND p.status = 'PENDING') "
                + "AND (r.status = 'MATCHED') = EXISTS (SELECT 1 FROM buddy_match m WHERE m.request_id = r.id AND m.status = 'STARTING') "
                + "AND (r.status = 'ACTIVE') = EXISTS (SELECT 1 FROM buddy_match m WHERE m.request_id = r.id AND m.status = 'ACTIVE'))")
                .param(scene.region().value()).query(String.class).list();
        assertThat(inconsistent).as("%s: requests whose status disagrees with their proposals and matches", description).isEmpty();
    }
}
