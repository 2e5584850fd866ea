package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.PoolBuddy;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.support.ContactEntry;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.ui.MatchingWorld.Buddy;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;
import nl.steunpunt.buddy.ui.matching.BuddyPoolView;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * RELIABILITY.md item 4: two coordinators completing the same task at the same moment, on one node
 * and on two nodes (application contexts) sharing the database — exactly one gets it done, the other
 * is told it was already handled, the process moves on once; two people saving the same record —
 * one save wins, the other gets a translated conflict and nothing is lost. (Two proposals for a
 * buddy's last place: {@link CapacityConcurrencyTest}.)
 */
class RacesTest extends KaribuTest {

    private static final int ROUNDS = 10;

    @Autowired MatchingWorld matching;
    @Autowired SupportWorld support;
    @Autowired HelpRequests requests;
    @Autowired Matchmaking matchmaking;
    @Autowired ContactLog contactLog;
    @Autowired WorkItems workItems;
    @Autowired Actors actors;
    @Autowired HistoryService history;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;

    @AfterEach
    void tearDown() {
        world.signOut();
    }

    @Test
    void two_coordinators_completing_the_same_task_at_once_on_one_node_get_it_done_once() throws Exception {
        Tally tally = completeTheSameTask(context, context, ROUNDS);
        System.out.printf(Locale.ROOT, "RACES same task, one node: %s%n", tally);
    }

    @Test
    void two_coordinators_completing_the_same_task_at_once_on_two_nodes_get_it_done_once() throws Exception {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        try (ConfigurableApplicationContext node2 = ContextOnDatabase.start("node2", url, "postgres", "postgres")) {
            Tally tally = completeTheSameTask(context, node2, ROUNDS);
            System.out.printf(Locale.ROOT, "RACES same task, two nodes: %s%n", tally);
        }
    }

    @Test
    void two_coordinators_saving_the_same_buddy_profile_at_once_lose_no_update() throws Exception {
        Scene scene = matching.scene();
        Buddy eva = matching.certifiedBuddy(scene, buddy("eva"));
        Tally tally = new Tally();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                PoolBuddy seenByCoordinator = world.as(scene.coordinator(), () -> matching.inPool(scene, eva)).orElseThrow();
                PoolBuddy seenByColleague = world.as(scene.colleague(), () -> matching.inPool(scene, eva)).orElseThrow();
                assertThat(seenByColleague.version()).isEqualTo(seenByCoordinator.version());
                String mine = "School van coördinator " + round;
                String theirs = "School van collega " + round;
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<Optional<Throwable>> first = threads.submit(attempt(scene.coordinator(), barrier,
                        () -> matchmaking.saveBuddyProfile(eva.id(), seenByCoordinator.version(), null, Set.of(mine), 1)));
                Future<Optional<Throwable>> second = threads.submit(attempt(scene.colleague(), barrier,
                        () -> matchmaking.saveBuddyProfile(eva.id(), seenByColleague.version(), null, Set.of(theirs), 2)));
                List<Optional<Throwable>> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

                assertOneWinsAndTheOtherConflicts(outcomes, "error.edit.conflict", round);
                PoolBuddy after = world.as(scene.coordinator(), () -> matching.inPool(scene, eva)).orElseThrow();
                boolean coordinatorWon = outcomes.get(0).isEmpty();
                assertThat(after.schools()).as("round %d: the winner's change, whole", round).containsExactly(coordinatorWon ? mine : theirs);
                assertThat(after.maxMatchesOverride()).as("round %d", round).contains(coordinatorWon ? 1 : 2);
                assertThat(after.version()).as("round %d: saved once", round).isEqualTo(seenByCoordinator.version() + 1);
                tally.count(outcomes, after.schools().contains(coordinatorWon ? mine : theirs));
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "RACES buddy profile, two coordinators: %s%n", tally);
    }

    @Test
    void a_buddy_correcting_the_same_contact_line_on_two_devices_at_once_loses_no_correction() throws Exception {
        Scene scene = matching.scene();
        Buddy ines = matching.certifiedBuddy(scene, buddy("ines"));
        BuddyMatch match = support.activeMatch(scene, ines);
        LocalDate today = LocalDate.now(clock);
        long line = world.as(ines.username(), () -> contactLog.record(match.matchId(),
                new NewContact(today, ContactKind.PHONE, 15, "Eerste gesprek", Set.of())));
        Tally tally = new Tally();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                ContactEntry shown = lineAsShown(ines, match, line);
                String phone = "Gecorrigeerd op de telefoon " + round;
                String laptop = "Gecorrigeerd op de laptop " + round;
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<Optional<Throwable>> first = threads.submit(attempt(ines.username(), barrier,
                        () -> contactLog.correct(line, shown.version(), new NewContact(today, ContactKind.PHONE, 20, phone, Set.of()))));
                Future<Optional<Throwable>> second = threads.submit(attempt(ines.username(), barrier,
                        () -> contactLog.correct(line, shown.version(), new NewContact(today, ContactKind.VISIT, 45, laptop, Set.of()))));
                List<Optional<Throwable>> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

                assertOneWinsAndTheOtherConflicts(outcomes, "error.edit.conflict", round);
                ContactEntry after = lineAsShown(ines, match, line);
                boolean phoneWon = outcomes.get(0).isEmpty();
                assertThat(after.topics()).as("round %d", round).contains(phoneWon ? phone : laptop);
                assertThat(after.minutes()).as("round %d: the winner's correction, whole", round).isEqualTo(phoneWon ? 20 : 45);
                assertThat(after.version()).as("round %d: corrected once", round).isEqualTo(shown.version() + 1);
                tally.count(outcomes, after.topics().orElse("").equals(phoneWon ? phone : laptop));
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "RACES contact line, two devices: %s%n", tally);
    }

    @Test
    void the_pool_screen_shows_a_conflict_when_a_colleague_saved_the_profile_meanwhile_and_saves_nothing() {
        Scene scene = matching.scene();
        Buddy fleur = matching.certifiedBuddy(scene, buddy("fleur"));
        String reference = matching.inPool(scene, fleur).orElseThrow().reference();
        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(BuddyPoolView.class);
        @SuppressWarnings("unchecked")
        Grid<PoolBuddy> grid = _get(Grid.class, spec -> spec.withId("pool-grid"));
        int row = GridKt._findAll(grid).stream().map(PoolBuddy::reference).toList().indexOf(reference);
        _click((Button) GridKt._getCellComponent(grid, row, "actions"));
        _setValue(_get(TextField.class, spec -> spec.withId("profile-schools")), "De Vlinder");

        PoolBuddy shown = matching.inPool(scene, fleur).orElseThrow();
        world.as(scene.colleague(), () -> {
            matchmaking.saveBuddyProfile(fleur.id(), shown.version(), null, Set.of("Het Baken"), null);
            return null;
        });
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("profile-save")));

        assertThat(NotificationsKt.getNotifications()).extracting((Notification n) -> n.getElement().getProperty("text"))
                .containsExactly("Iemand anders heeft dit intussen gewijzigd. Er is niets opgeslagen: open het opnieuw om de nieuwe "
                        + "gegevens te zien en breng je wijziging dan aan.");
        assertThat(matching.inPool(scene, fleur).orElseThrow().schools()).containsExactly("Het Baken");
    }

    // ---- the task race ----------------------------------------------------------------------------

    @Test
    void two_coordinators_claiming_the_same_task_at_once_one_gets_it_and_the_other_is_told_who() throws Exception {
        Scene scene = matching.scene();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                HelpRequestId id = matching.request(scene).submit();
                WorkItem task = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_INTAKE_REQUEST);
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<Optional<Throwable>> first = threads.submit(attempt(scene.coordinator(), barrier, () -> workItems.claim(task.id())));
                Future<Optional<Throwable>> second = threads.submit(attempt(scene.colleague(), barrier, () -> workItems.claim(task.id())));
                List<Optional<Throwable>> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

                assertOneWinsAndTheOtherConflicts(outcomes, "error.task.taken", round);
                String winner = outcomes.get(0).isEmpty() ? scene.coordinator() : scene.colleague();
                assertThat(world.as(scene.coordinator(), () -> workItems.get(task.id())).orElseThrow().assignee()).as("round %d", round)
                        .contains(winner);
                TranslatableException refused = (TranslatableException) outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
                assertThat(refused.arguments()).as("round %d: the message names the colleague who has it", round)
                        .containsExactly(world.as(scene.coordinator(), () -> actors.find(winner).orElseThrow().displayName()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Each round a fresh help request's intake task, completed by the coordinator on {@code one} and
     * her colleague on {@code other} at the same moment (both past a barrier, so both start with the
     * task open).
     */
    private Tally completeTheSameTask(ApplicationContext one, ApplicationContext other, int rounds) throws Exception {
        Scene scene = matching.scene();
        Tally tally = new Tally();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= rounds; round++) {
                HelpRequestId id = matching.request(scene).submit();
                WorkItem task = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_INTAKE_REQUEST);
                HelpRequestDetails details = world.as(scene.coordinator(), () -> requests.open(id));
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<Optional<Throwable>> first = threads.submit(intake(one, scene.coordinator(), task, id, details, barrier));
                Future<Optional<Throwable>> second = threads.submit(intake(other, scene.colleague(), task, id, details, barrier));
                List<Optional<Throwable>> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

                assertOneWinsAndTheOtherConflicts(outcomes, "error.task.gone", round);
                assertThat(outcomes.stream().flatMap(Optional::stream).toList()).singleElement().isInstanceOf(TaskGoneException.class);
                // The scene has no buddies: after the intake the process looks for one and puts the request on the waiting list.
                matching.awaitStatus(id, HelpRequestStatus.WAITING);
                boolean once = advancedOnce(task);
                assertThat(once).as("round %d: every step of the process ran once", round).isTrue();
                assertThat(matching.tasksOf(scene.coordinator(), id)).as("round %d", round).extracting(WorkItem::definitionKey)
                        .doesNotContain(MatchingProcess.TASK_INTAKE_REQUEST);
                tally.count(outcomes, once);
            }
        } finally {
            threads.shutdownNow();
        }
        return tally;
    }

    private static Callable<Optional<Throwable>> intake(ApplicationContext node, String coordinator, WorkItem task, HelpRequestId id,
            HelpRequestDetails d, CyclicBarrier barrier) {
        TestWorld world = node.getBean(TestWorld.class);
        WorkItems items = node.getBean(WorkItems.class);
        HelpRequests requests = node.getBean(HelpRequests.class);
        return () -> {
            world.signIn(coordinator);
            try {
                barrier.await(30, TimeUnit.SECONDS);
                items.complete(task.id(), Map.of(), () -> requests.recordIntake(id, d.schoolLevel(), d.problemAreas(),
                        d.preferredLanguage(), d.urgency(), d.school().orElse(null), d.place().orElse(null), "Door " + coordinator));
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e);
            } finally {
                world.signOut();
            }
        };
    }

    /** The intake task completed once, and no activity of the request's process ran twice. */
    private boolean advancedOnce(WorkItem task) {
        String instance = history.createHistoricTaskInstanceQuery().taskId(task.id()).singleResult().getProcessInstanceId();
        Map<String, Long> runs = history.createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
                .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, Collectors.counting()));
        return runs.getOrDefault(MatchingProcess.TASK_INTAKE_REQUEST, 0L) == 1 && runs.values().stream().allMatch(n -> n == 1);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Callable<Optional<Throwable>> attempt(String username, CyclicBarrier barrier, Runnable action) {
        return () -> {
            world.signIn(username);
            try {
                barrier.await(30, TimeUnit.SECONDS);
                action.run();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e);
            } finally {
                world.signOut();
            }
        };
    }

    private static void assertOneWinsAndTheOtherConflicts(List<Optional<Throwable>> outcomes, String messageKey, int round) {
        assertThat(outcomes).as("round %d: exactly one succeeds", round).filteredOn(Optional::isEmpty).hasSize(1);
        Throwable refused = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(refused).as("round %d: the other is told, in words", round).isInstanceOf(TranslatableException.class);
        assertThat(((TranslatableException) refused).messageKey()).as("round %d", round).isEqualTo(messageKey);
    }

    private ContactEntry lineAsShown(Buddy buddy, BuddyMatch match, long line) {
        return world.as(buddy.username(), () -> contactLog.logOf(match.matchId())).entries().stream().filter(e -> e.id() == line)
                .findFirst().orElseThrow();
    }

    /** Attempts, successes, conflicts and lost updates (the winner's change not there, whole) over the rounds. */
    static final class Tally {
        int attempts;
        int successes;
        int conflicts;
        int lost;

        void count(List<Optional<Throwable>> outcomes, boolean winnerKept) {
            attempts += outcomes.size();
            successes += (int) outcomes.stream().filter(Optional::isEmpty).count();
            conflicts += (int) outcomes.stream().filter(Optional::isPresent).count();
            lost += winnerKept ? 0 : 1;
        }

        @Override
        public String toString() {
            return "attempts=" + attempts + " successes=" + successes + " conflicts=" + conflicts + " lost=" + lost;
        }
    }
}
