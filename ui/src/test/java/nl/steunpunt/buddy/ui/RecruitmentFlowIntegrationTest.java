package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.TestWorld.COLLEAGUE_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_B;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_B;
import static nl.steunpunt.buddy.ui.TestWorld.TRAINER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.workflow.CaseEvent;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.TaskTakenException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The whole app on a fresh embedded PostgreSQL with the job executor on. */
@SpringBootTest
@ActiveProfiles("test")
class RecruitmentFlowIntegrationTest {

    @Autowired TestWorld world;
    @Autowired WorkItems workItems;
    @Autowired Applications applications;

    @BeforeEach
    void setUp() {
        world.ensure();
    }

    @AfterEach
    void tearDown() {
        world.signOut();
    }

    @Test
    void an_application_becomes_a_task_in_its_own_regions_inbox_only() {
        ApplicationId id = world.apply(REGION_A);

        WorkItem task = world.awaitTask(COORDINATOR_A, id);
        assertThat(task.definitionKey()).isEqualTo(RecruitmentProcess.TASK_SCREEN_APPLICATION);
        assertThat(task.region()).isEqualTo(REGION_A);
        assertThat(task.caseReference()).startsWith("AANM-");
        assertThat(task.due()).isPresent();

        assertThat(world.taskOf(COORDINATOR_B, id)).isEmpty();
        assertThat(world.taskOf(TRAINER_A, id)).isEmpty();
        world.signIn(COORDINATOR_B);
        assertThatThrownBy(() -> workItems.get(task.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workItems.claim(task.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workItems.complete(task.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true), () -> { }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> applications.open(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(workItems.find(WorkItemQuery.inbox(), 0, 10_000)).allSatisfy(item -> assertThat(item.region()).isEqualTo(REGION_B));
    }

    @Test
    void a_coordinator_takes_an_application_from_screening_to_selected_and_the_process_ends() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id);

        world.signIn(COORDINATOR_A);
        workItems.claim(screening.id());
        assertThat(workItems.find(WorkItemQuery.inbox().withScope(WorkItemQuery.Scope.MINE), 0, 10_000))
                .extracting(WorkItem::id).contains(screening.id());
        workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true),
                () -> applications.recordScreening(id, true, "Goede motivatie"));
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.INTAKE);

        WorkItem intake = world.awaitTask(COORDINATOR_A, id);
        assertThat(intake.definitionKey()).isEqualTo(RecruitmentProcess.TASK_HOLD_INTAKE);
        world.signIn(COORDINATOR_A);
        workItems.complete(intake.id(), Map.of(), () -> applications.recordIntake(id, LocalDate.now(), "Fijn gesprek"));

        WorkItem decision = world.awaitTask(COORDINATOR_A, id);
        assertThat(decision.definitionKey()).isEqualTo(RecruitmentProcess.TASK_DECIDE);
        world.signIn(COORDINATOR_A);
        workItems.complete(decision.id(), Map.of(RecruitmentProcess.Variables.DECISION, Decision.SELECTED.name()),
                () -> applications.recordDecision(id, Decision.SELECTED, ""));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.SELECTED);
        assertThat(world.taskOf(COORDINATOR_A, id)).isEmpty();

        world.signIn(COORDINATOR_A);
        assertThat(workItems.history(screening.caseReference())).extracting(CaseEvent::kind)
                .contains(CaseEvent.Kind.STARTED, CaseEvent.Kind.TASK_COMPLETED, CaseEvent.Kind.ASSIGNED, CaseEvent.Kind.ENDED);
        var details = applications.open(id);
        assertThat(details.screeningNote()).contains("Goede motivatie");
        assertThat(details.intakeNotes()).contains("Fijn gesprek");
    }

    @Test
    void an_unsuitable_application_is_closed_as_not_selected() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id);

        world.signIn(COORDINATOR_A);
        workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, false),
                () -> applications.recordScreening(id, false, "Geen eigen ervaring met passend onderwijs"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.NOT_SELECTED);
        assertThat(world.taskOf(COORDINATOR_A, id)).isEmpty();
    }

    @Test
    void completing_a_task_that_was_completed_meanwhile_fails_cleanly_and_records_nothing() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id);
        world.signIn(COLLEAGUE_A);
        workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true),
                () -> applications.recordScreening(id, true, "Door collega"));

        world.signIn(COORDINATOR_A);
        AtomicInteger domainCalls = new AtomicInteger();
        assertThatThrownBy(() -> workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, false),
                domainCalls::incrementAndGet)).isInstanceOf(TaskGoneException.class);
        assertThat(domainCalls).hasValue(0);
        assertThat(workItems.get(screening.id())).isEmpty();
        assertThat(applications.open(id).screeningNote()).contains("Door collega");
    }

    @Test
    void invalid_form_data_changes_neither_the_record_nor_the_process() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id);

        world.signIn(COORDINATOR_A);
        assertThatThrownBy(() -> workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, false),
                () -> applications.recordScreening(id, false, "   "))).isInstanceOf(InvalidInputException.class);

        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.SCREENING);
        WorkItem still = workItems.get(screening.id()).orElseThrow();
        assertThat(still.assignee()).isEmpty();
    }

    @Test
    void a_task_claimed_by_a_colleague_cannot_be_claimed_or_completed_by_someone_else() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id);
        world.signIn(COLLEAGUE_A);
        workItems.claim(screening.id());

        world.signIn(COORDINATOR_A);
        assertThatThrownBy(() -> workItems.claim(screening.id())).isInstanceOf(TaskTakenException.class);
        assertThatThrownBy(() -> workItems.unclaim(screening.id())).isInstanceOf(TaskTakenException.class);
        assertThatThrownBy(() -> workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true),
                () -> applications.recordScreening(id, true, "x"))).isInstanceOf(TaskTakenException.class);
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.SCREENING);

        world.signIn(COLLEAGUE_A);
        workItems.assign(screening.id(), COORDINATOR_A);
        world.signIn(COORDINATOR_A);
        assertThat(workItems.get(screening.id()).orElseThrow().assignee()).contains(COORDINATOR_A);
        assertThatThrownBy(() -> workItems.assign(screening.id(), COORDINATOR_B)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void notes_join_the_case_timeline_and_viewing_a_case_file_is_logged() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id);
        world.signIn(COORDINATOR_A);

        workItems.comment(screening.id(), "Teruggebeld, voicemail");
        assertThatThrownBy(() -> workItems.comment(screening.id(), " ")).isInstanceOf(InvalidInputException.class);

        assertThat(workItems.history(screening.caseReference()))
                .filteredOn(e -> e.kind() == CaseEvent.Kind.NOTE)
                .extracting(CaseEvent::label).containsExactly("Teruggebeld, voicemail");
        world.signIn(COORDINATOR_B);
        assertThatThrownBy(() -> workItems.history(screening.caseReference())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_inbox_filters_by_scope_overdue_and_phase_and_pages() {
        ApplicationId first = world.apply(REGION_B);
        ApplicationId second = world.apply(REGION_B);
        WorkItem a = world.awaitTask(COORDINATOR_B, first);
        world.awaitTask(COORDINATOR_B, second);
        world.signIn(COORDINATOR_B);
        workItems.claim(a.id());

        long all = workItems.count(WorkItemQuery.inbox());
        long mine = workItems.count(WorkItemQuery.inbox().withScope(WorkItemQuery.Scope.MINE));
        long unassigned = workItems.count(WorkItemQuery.inbox().withScope(WorkItemQuery.Scope.UNASSIGNED));
        assertThat(all).isGreaterThanOrEqualTo(2);
        assertThat(mine + unassigned).isEqualTo(all);
        assertThat(workItems.find(WorkItemQuery.inbox().withScope(WorkItemQuery.Scope.MINE), 0, 100))
                .allSatisfy(item -> assertThat(item.assignee()).contains(COORDINATOR_B));
        assertThat(workItems.count(WorkItemQuery.inbox().withOverdueOnly(true))).isZero();
        assertThat(workItems.find(WorkItemQuery.inbox(), 0, 1)).hasSize(1);
        assertThat(workItems.find(WorkItemQuery.inbox(), 1, 1)).doesNotContainAnyElementsOf(workItems.find(WorkItemQuery.inbox(), 0, 1));
        assertThat(workItems.find(WorkItemQuery.inbox(), 0, 100)).extracting(item -> item.due().orElseThrow()).isSorted();
    }
}
