package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.TestWorld.COLLEAGUE_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_B;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_B;
import static nl.steunpunt.buddy.ui.TestWorld.TRAINER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.Competence;
import nl.steunpunt.buddy.recruitment.CompetenceScore;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.SentMail;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.workflow.CaseEvent;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.TaskTakenException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The whole app on a fresh embedded PostgreSQL with the job executor on and a real SMTP server. */
class RecruitmentFlowIntegrationTest extends ApplicationTest {

    @Autowired TestWorld world;
    @Autowired Clock clock;
    @Autowired WorkItems workItems;
    @Autowired Applications applications;
    @Autowired Training training;

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
    void an_application_goes_from_submission_to_enrolled_in_training_with_every_mail_sent() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);

        world.signIn(COORDINATOR_A);
        workItems.claim(screening.id());
        assertThat(workItems.find(WorkItemQuery.inbox().withScope(WorkItemQuery.Scope.MINE), 0, 10_000))
                .extracting(WorkItem::id).contains(screening.id());
        toAssessment(id, screening);

        WorkItem assessment = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_ASSESS_SUITABILITY);
        world.signIn(COORDINATOR_A);
        workItems.complete(assessment.id(), Map.of(), () -> applications.recordAssessment(id, scores(3, 4, 4, 3, 2, 4)));

        WorkItem decision = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_DECIDE);
        world.signIn(COORDINATOR_A);
        assertThat(applications.open(id).advice()).contains(Decision.SELECTED);
        workItems.complete(decision.id(), Map.of(RecruitmentProcess.Variables.DECISION, Decision.SELECTED.name()),
                () -> applications.recordDecision(id, Decision.SELECTED, "", null));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.VOG_PENDING);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> templatesSentFor(screening.caseReference())
                .contains(MailTemplate.VOG_REQUEST));
        world.signIn(COORDINATOR_A);
        applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusDays(3), true);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.SELECTED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> training.isEnrolled(id));
        assertThat(world.taskOf(COORDINATOR_A, id)).isEmpty();
        assertThat(templatesSentFor(screening.caseReference())).containsExactlyInAnyOrder(MailTemplate.APPLICATION_RECEIVED,
                MailTemplate.INTAKE_INVITATION, MailTemplate.DECISION_SELECTED, MailTemplate.VOG_REQUEST);
        // the mails leave after their steps' transactions committed
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MAIL.getReceivedMessagesForDomain("example.org")).isNotEmpty());

        world.signIn(COORDINATOR_A);
        assertThat(workItems.history(screening.caseReference())).extracting(CaseEvent::kind)
                .contains(CaseEvent.Kind.STARTED, CaseEvent.Kind.TASK_COMPLETED, CaseEvent.Kind.ASSIGNED, CaseEvent.Kind.ENDED);
        var details = applications.open(id);
        assertThat(details.screeningNote()).contains("Goede motivatie");
        assertThat(details.intakeNotes()).contains("Fijn gesprek");
        assertThat(details.assessment()).hasSize(6);
        assertThat(details.vogRecords()).singleElement().satisfies(vog -> {
            assertThat(vog.valid()).isTrue();
            assertThat(vog.seenBy()).isEqualTo(COORDINATOR_A);
        });
    }

    @Test
    void a_coordinator_may_depart_from_the_advice_only_with_a_recorded_reason() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        world.signIn(COORDINATOR_A);
        toAssessment(id, screening);
        WorkItem assessment = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_ASSESS_SUITABILITY);
        world.signIn(COORDINATOR_A);
        workItems.complete(assessment.id(), Map.of(), () -> applications.recordAssessment(id, scores(4, 4, 4, 4, 4, 4)));
        WorkItem decision = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_DECIDE);
        world.signIn(COORDINATOR_A);

        assertThatThrownBy(() -> workItems.complete(decision.id(), Map.of(RecruitmentProcess.Variables.DECISION, "NOT_SELECTED"),
                () -> applications.recordDecision(id, Decision.NOT_SELECTED, "Geen klik in het gesprek", " ")))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.application.override-reason.required");
        assertThat(workItems.get(decision.id())).isPresent();

        workItems.complete(decision.id(), Map.of(RecruitmentProcess.Variables.DECISION, "NOT_SELECTED"),
                () -> applications.recordDecision(id, Decision.NOT_SELECTED, "Geen klik in het gesprek", "Referentie negatief"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.NOT_SELECTED);
        var details = applications.open(id);
        assertThat(details.advice()).contains(Decision.SELECTED);
        assertThat(details.overrideReason()).contains("Referentie negatief");
        assertThat(details.overridesAdvice()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> templatesSentFor(screening.caseReference())
                .contains(MailTemplate.DECISION_NOT_SELECTED));
    }

    @Test
    void an_invalid_vog_ends_the_selection_as_not_selected() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        world.signIn(COORDINATOR_A);
        toAssessment(id, screening);
        WorkItem assessment = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_ASSESS_SUITABILITY);
        world.signIn(COORDINATOR_A);
        workItems.complete(assessment.id(), Map.of(), () -> applications.recordAssessment(id, scores(3, 3, 3, 3, 3, 3)));
        WorkItem decision = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_DECIDE);
        world.signIn(COORDINATOR_A);
        workItems.complete(decision.id(), Map.of(RecruitmentProcess.Variables.DECISION, "SELECTED"),
                () -> applications.recordDecision(id, Decision.SELECTED, "", null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.VOG_PENDING);

        world.signIn(COORDINATOR_A);
        assertThatThrownBy(() -> applications.registerVog(id, LocalDate.now(clock).plusDays(1), LocalDate.now(clock), true))
                .isInstanceOf(InvalidInputException.class);
        applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusYears(1), false);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.NOT_SELECTED);
        assertThat(training.isEnrolled(id)).isFalse();
    }

    @Test
    void a_withdrawal_ends_the_selection_wherever_it_is_and_confirms_it_to_the_applicant() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        world.signIn(COORDINATOR_A);
        workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true),
                () -> applications.recordScreening(id, true, "Goed"));
        world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCHEDULE_INTAKE);

        world.signIn(COORDINATOR_A);
        applications.withdraw(id, "Verhuist naar het buitenland");

        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> world.taskOf(COORDINATOR_A, id).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> templatesSentFor(screening.caseReference())
                .contains(MailTemplate.APPLICATION_WITHDRAWN));
        world.signIn(COORDINATOR_A);
        assertThatThrownBy(() -> applications.withdraw(id, "nogmaals")).isInstanceOf(InvalidInputException.class);
        assertThat(workItems.history(screening.caseReference())).extracting(CaseEvent::key)
                .contains(RecruitmentProcess.TASK_RECORD_WITHDRAWAL);
    }

    @Test
    void a_repeated_submission_stores_one_application_and_bad_input_stores_none() {
        java.util.UUID key = java.util.UUID.randomUUID();
        var application = world.newApplication(REGION_B, "herhaald@example.org", "en");
        ApplicationId first = applications.submit(application, key);
        ApplicationId again = applications.submit(application, key);
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> applications.submit(application, java.util.UUID.randomUUID()))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.application.duplicate");

        world.signIn(COORDINATOR_B);
        long before = applications.count(nl.steunpunt.buddy.recruitment.ApplicationFilter.all());
        var bad = List.of(
                world.newApplication(REGION_B, "geen-adres", "nl"),
                world.newApplication(new nl.steunpunt.buddy.shared.RegionCode("NOPE-1"), "x1@example.org", "nl"),
                withMotivation(world.newApplication(REGION_B, "x2@example.org", "nl"), "x".repeat(4001)),
                withoutConsent(world.newApplication(REGION_B, "x3@example.org", "nl")));
        for (var input : bad) {
            assertThatThrownBy(() -> applications.submit(input, java.util.UUID.randomUUID())).isInstanceOf(InvalidInputException.class);
        }
        assertThat(applications.count(nl.steunpunt.buddy.recruitment.ApplicationFilter.all())).isEqualTo(before);
    }

    @Test
    void the_applications_list_pages_at_any_offset_without_gaps_or_repeats() {
        for (int i = 0; i < 3; i++) {
            world.apply(REGION_B);
        }
        world.signIn(COORDINATOR_B);
        var all = applications.search(nl.steunpunt.buddy.recruitment.ApplicationFilter.all(), 0, 1000);
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        for (int offset = 0; offset < all.size(); offset++) {
            assertThat(applications.search(nl.steunpunt.buddy.recruitment.ApplicationFilter.all(), offset, 2))
                    .isEqualTo(all.subList(offset, Math.min(all.size(), offset + 2)));
        }
        assertThat(applications.count(nl.steunpunt.buddy.recruitment.ApplicationFilter.all())).isEqualTo(all.size());
    }

    private static nl.steunpunt.buddy.recruitment.NewApplication withMotivation(nl.steunpunt.buddy.recruitment.NewApplication a, String m) {
        return new nl.steunpunt.buddy.recruitment.NewApplication(a.firstName(), a.lastName(), a.email(), a.phone(), a.region(),
                a.schoolLevels(), a.problemAreas(), a.languages(), a.hoursPerWeek(), m, a.consent(), a.language());
    }

    private static nl.steunpunt.buddy.recruitment.NewApplication withoutConsent(nl.steunpunt.buddy.recruitment.NewApplication a) {
        return new nl.steunpunt.buddy.recruitment.NewApplication(a.firstName(), a.lastName(), a.email(), a.phone(), a.region(),
                a.schoolLevels(), a.problemAreas(), a.languages(), a.hoursPerWeek(), a.motivation(), false, a.language());
    }

    /** Screening (suitable), planning and holding the intake, as coordinator A. */
    private void toAssessment(ApplicationId id, WorkItem screening) {
        workItems.complete(screening.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true),
                () -> applications.recordScreening(id, true, "Goede motivatie"));
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.INTAKE_PLANNING);
        WorkItem planning = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCHEDULE_INTAKE);
        world.signIn(COORDINATOR_A);
        workItems.complete(planning.id(), Map.of(),
                () -> applications.scheduleIntake(id, LocalDateTime.now(clock).plusDays(3), "Steunpunt, kamer 2"));
        WorkItem intake = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_HOLD_INTAKE);
        world.signIn(COORDINATOR_A);
        workItems.complete(intake.id(), Map.of(), () -> applications.recordIntake(id, LocalDate.now(clock), "Fijn gesprek"));
    }

    private static Map<Competence, CompetenceScore> scores(int... values) {
        Map<Competence, CompetenceScore> scores = new EnumMap<>(Competence.class);
        Competence[] competences = Competence.values();
        for (int i = 0; i < competences.length; i++) {
            scores.put(competences[i], new CompetenceScore(competences[i], values[i], null));
        }
        return scores;
    }

    private List<MailTemplate> templatesSentFor(String caseReference) {
        return world.outbox().stream().filter(m -> caseReference.equals(m.caseReference()))
                .map(SentMail::template).toList();
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
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> templatesSentFor(screening.caseReference())
                .contains(MailTemplate.DECISION_NOT_SELECTED));
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
        assertThat(workItems.find(WorkItemQuery.inbox().forCase(a.caseReference()), 0, 100)).extracting(WorkItem::id)
                .containsExactly(a.id());
    }
}
