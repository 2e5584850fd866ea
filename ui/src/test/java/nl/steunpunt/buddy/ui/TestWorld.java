package nl.steunpunt.buddy.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.notification.SentMail;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Competence;
import nl.steunpunt.buddy.recruitment.CompetenceScore;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.NewApplication;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.ui.security.BuddyUser;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The people and regions of the tests: region A with two coordinators and a trainer, region B with
 * one coordinator. Created once per application context, through the same APIs the app uses.
 */
@Component
public class TestWorld {

    public static final RegionCode REGION_A = new RegionCode("TEST-A");
    public static final RegionCode REGION_B = new RegionCode("TEST-B");
    public static final String COORDINATOR_A = "coordinator.a";
    public static final String COLLEAGUE_A = "colleague.a";
    public static final String COORDINATOR_B = "coordinator.b";
    public static final String TRAINER_A = "trainer.a";
    public static final String ADMIN = "admin";
    public static final String MANAGER_A = "manager.a";
    public static final String BUDDY_A = "buddy.a";
    public static final String PASSWORD = "test-password";

    private final Regions regions;
    private final LocalAccounts accounts;
    private final Applications applications;
    private final WorkItems workItems;
    private final Mailer mailer;
    private final Clock clock;
    private int counter;

    TestWorld(Regions regions, LocalAccounts accounts, Applications applications, WorkItems workItems, Mailer mailer, Clock clock) {
        this.mailer = mailer;
        this.clock = clock;
        this.regions = regions;
        this.accounts = accounts;
        this.applications = applications;
        this.workItems = workItems;
    }

    public synchronized void ensure() {
        if (regions.find(REGION_A).isPresent()) {
            return;
        }
        regions.save(new Region(REGION_A, "Testregio A"));
        regions.save(new Region(REGION_B, "Testregio B"));
        accounts.save(COORDINATOR_A, "Coördinator A", PASSWORD, Set.of(Role.COORDINATOR), Set.of(REGION_A));
        accounts.save(COLLEAGUE_A, "Collega A", PASSWORD, Set.of(Role.COORDINATOR), Set.of(REGION_A));
        accounts.save(COORDINATOR_B, "Coördinator B", PASSWORD, Set.of(Role.COORDINATOR), Set.of(REGION_B));
        accounts.save(TRAINER_A, "Trainer A", PASSWORD, Set.of(Role.TRAINER), Set.of(REGION_A));
        accounts.save(ADMIN, "Beheerder", PASSWORD, Set.of(Role.ADMIN), Set.of(REGION_A, REGION_B));
        accounts.save(MANAGER_A, "Manager A", PASSWORD, Set.of(Role.MANAGER), Set.of(REGION_A));
        accounts.save(BUDDY_A, "Buddy A", PASSWORD, Set.of(Role.BUDDY), Set.of(REGION_A));
    }

    /** The outbox, newest first, read as the administrator (the only one who may). */
    public List<SentMail> outbox() {
        ensure();
        return as(ADMIN, () -> mailer.recent(0, 10_000));
    }

    /** Acts as this user from now on, in this thread. */
    public Actor signIn(String username) {
        Actor actor = accounts.account(username).orElseThrow();
        BuddyUser user = new BuddyUser(actor, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return actor;
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }

    public <T> T as(String username, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        signIn(username);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public ApplicationId apply(RegionCode region) {
        int n;
        synchronized (this) {
            n = ++counter;
        }
        return applications.submit(newApplication(region, "test" + n + "@example.org", "nl"), UUID.randomUUID());
    }

    public NewApplication newApplication(RegionCode region, String email, String language) {
        return new NewApplication("Zoë", "Aanmelder", email, "0612345678",
                region, Set.of(SchoolLevel.PO), Set.of(ProblemArea.THUISZITTER), Set.of("nl"), 4,
                "Ik wil graag andere ouders helpen.", true, language);
    }

    /** Waits until the case of this application has an open task that {@code username} can see. */
    public WorkItem awaitTask(String username, ApplicationId application) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> taskOf(username, application), list -> !list.isEmpty()).get(0);
    }

    /** Waits until the case's open task is the one with this BPMN ID. */
    public WorkItem awaitTask(String username, ApplicationId application, String definitionKey) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> taskOf(username, application).stream().filter(t -> t.definitionKey().equals(definitionKey)).toList(),
                        list -> !list.isEmpty()).get(0);
    }

    /**
     * Drives a region-A application through selection as coordinator A until its open task is
     * {@code target} (screening, planning, intake, assessment, decision) or, for {@code null}, until
     * it waits for the VOG.
     */
    public WorkItem advance(ApplicationId id, String target) {
        return advance(id, target, COORDINATOR_A);
    }

    /** As {@link #advance(ApplicationId, String)}, for an application of another region with its own coordinator. */
    public WorkItem advance(ApplicationId id, String target, String coordinator) {
        List<String> steps = List.of(RecruitmentProcess.TASK_SCREEN_APPLICATION, RecruitmentProcess.TASK_SCHEDULE_INTAKE,
                RecruitmentProcess.TASK_HOLD_INTAKE, RecruitmentProcess.TASK_ASSESS_SUITABILITY, RecruitmentProcess.TASK_DECIDE);
        for (String step : steps) {
            WorkItem task = awaitTask(coordinator, id, step);
            if (step.equals(target)) {
                return task;
            }
            as(coordinator, () -> {
                switch (step) {
                    case RecruitmentProcess.TASK_SCREEN_APPLICATION -> workItems.complete(task.id(),
                            Map.of(RecruitmentProcess.Variables.SUITABLE, true), () -> applications.recordScreening(id, true, "Geschikt"));
                    case RecruitmentProcess.TASK_SCHEDULE_INTAKE -> workItems.complete(task.id(), Map.of(),
                            () -> applications.scheduleIntake(id, LocalDateTime.now(clock).plusDays(2), "Steunpunt"));
                    case RecruitmentProcess.TASK_HOLD_INTAKE -> workItems.complete(task.id(), Map.of(),
                            () -> applications.recordIntake(id, LocalDate.now(clock), "Goed gesprek"));
                    case RecruitmentProcess.TASK_ASSESS_SUITABILITY -> workItems.complete(task.id(), Map.of(),
                            () -> applications.recordAssessment(id, allScores(4)));
                    default -> workItems.complete(task.id(), Map.of(RecruitmentProcess.Variables.DECISION, "SELECTED"),
                            () -> applications.recordDecision(id, Decision.SELECTED, "", null));
                }
                return null;
            });
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.VOG_PENDING);
        return null;
    }

    public static Map<Competence, CompetenceScore> allScores(int score) {
        Map<Competence, CompetenceScore> scores = new EnumMap<>(Competence.class);
        for (Competence competence : Competence.values()) {
            scores.put(competence, new CompetenceScore(competence, score, null));
        }
        return scores;
    }

    public List<WorkItem> taskOf(String username, ApplicationId application) {
        return as(username, () -> workItems.find(WorkItemQuery.inbox(), 0, 10_000).stream()
                .filter(item -> item.subjectId().equals(application.toString())).toList());
    }
}
