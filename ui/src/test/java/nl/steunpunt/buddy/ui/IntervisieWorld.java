package nl.steunpunt.buddy.ui;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.NewGroup;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;

/**
 * The world of the intervisie tests: a region with a facilitator and three certified buddies
 * (made once, shared by the tests: each test starts its own groups), and helpers to start a group,
 * wait for its tasks and let a session pass.
 */
@Component
public class IntervisieWorld {

    private final TestWorld world;
    private final MatchingWorld matching;
    private final LocalAccounts accounts;
    private final Intervisie intervisie;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final Clock clock;
    private Scene scene;

    IntervisieWorld(TestWorld world, MatchingWorld matching, LocalAccounts accounts, Intervisie intervisie, RuntimeService runtimeService,
            ManagementService managementService, Clock clock) {
        this.world = world;
        this.matching = matching;
        this.accounts = accounts;
        this.intervisie = intervisie;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.clock = clock;
    }

    /** The region, its facilitator and coordinator, and its buddies Anna, Bea and Cor. */
    public record Scene(MatchingWorld.Scene region, String facilitator, List<MatchingWorld.Buddy> buddies) {

        public String coordinator() {
            return region.coordinator();
        }

        public MatchingWorld.Buddy anna() {
            return buddies.get(0);
        }

        public MatchingWorld.Buddy bea() {
            return buddies.get(1);
        }

        public MatchingWorld.Buddy cor() {
            return buddies.get(2);
        }
    }

    public synchronized Scene scene() {
        if (scene == null) {
            MatchingWorld.Scene region = matching.scene();
            String facilitator = "facilitator." + region.region().value().toLowerCase(Locale.ROOT);
            accounts.save(facilitator, "Begeleider " + region.region().value(), TestWorld.PASSWORD, Set.of(Role.FACILITATOR),
                    Set.of(region.region()));
            List<MatchingWorld.Buddy> buddies = matching.certifiedBuddies(region, MatchingWorld.buddy("anna"), MatchingWorld.buddy("bea"),
                    MatchingWorld.buddy("cor"));
            scene = new Scene(region, facilitator, buddies);
        }
        return scene;
    }

    /** A facilitator of another region. */
    public String otherFacilitator() {
        MatchingWorld.Scene other = matching.scene();
        String facilitator = "facilitator." + other.region().value().toLowerCase(Locale.ROOT);
        accounts.save(facilitator, "Begeleider " + other.region().value(), TestWorld.PASSWORD, Set.of(Role.FACILITATOR),
                Set.of(other.region()));
        return facilitator;
    }

    /** Starts a group of all three buddies and waits until its planning task is open. */
    public UUID group(Scene scene, String name, SessionKind kind) {
        UUID id = world.as(scene.facilitator(), () -> intervisie.createGroup(new NewGroup(scene.region().region(), name, kind,
                scene.buddies().stream().map(MatchingWorld.Buddy::id).collect(Collectors.toSet()))));
        awaitTask(scene.facilitator(), id, IntervisieProcess.TASK_PLAN_SESSION);
        return id;
    }

    public WorkItem awaitTask(String username, UUID group, String definitionKey) {
        return matching.awaitTask(username, group.toString(), definitionKey);
    }

    public ProcessInstance process(UUID group) {
        String reference = intervisie.referenceOf(group);
        return await().until(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult(),
                pi -> pi != null);
    }

    /** The timer that waits for the planned session to end. */
    public Job sessionTimer(UUID group) {
        return managementService.createJobQuery().processInstanceId(process(group).getId()).timers()
                .activityId(IntervisieProcess.EVENT_SESSION_HELD).singleResult();
    }

    /** Moves the application's clock past the session's end and fires the timer: the record task opens. */
    public WorkItem pass(Scene scene, UUID group, UUID session) {
        Instant end = intervisie.sessionEndsAt(session);
        if (!clock.instant().isAfter(end)) {
            ((TestClock) clock).advance(Duration.between(clock.instant(), end).plusMinutes(5));
        }
        managementService.executeJob(sessionTimer(group).getId());
        return awaitTask(scene.facilitator(), group, IntervisieProcess.TASK_RECORD_SESSION);
    }

    /** An evening some days from the application's now. */
    public LocalDateTime evening(int daysFromNow) {
        return LocalDateTime.now(clock).toLocalDate().plusDays(daysFromNow).atTime(19, 30);
    }
}
