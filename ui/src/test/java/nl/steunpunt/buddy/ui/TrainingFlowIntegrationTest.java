package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static nl.steunpunt.buddy.ui.TestWorld.TRAINER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.Judgement;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.Participant;
import nl.steunpunt.buddy.training.SignOff;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.training.TrainingStatus;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** From "selected" to "certified", to a refresher kept, and to "expired" — through the whole app. */
class TrainingFlowIntegrationTest extends ApplicationTest {

    @Autowired TestWorld world;
    @Autowired Training training;
    @Autowired Applications applications;
    @Autowired WorkItems workItems;
    @Autowired TestClock clock;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    @BeforeEach
    void setUp() {
        world.ensure();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        world.signOut();
    }

    @Test
    void a_selected_buddy_attends_the_modules_is_signed_off_and_certified_then_keeps_or_loses_the_qualification() {
        ApplicationId trainee = selectedBuddy();
        UUID session = world.as(TRAINER_A, () -> training.scheduleSession(new NewSession(REGION_A,
                LocalDateTime.now(clock).plusDays(1).withNano(0), LocalDateTime.now(clock).plusDays(1).plusHours(4).withNano(0),
                "Steunpunt, zaal 1", 50, allModules())));
        assertThat(world.as(TRAINER_A, () -> training.participants(session))).extracting(Participant::trainee).contains(trainee);

        world.signIn(TRAINER_A);
        assertThatThrownBy(() -> training.recordAttendance(session, trainee, true)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.session.not-started");

        clock.advance(Duration.ofDays(2));
        training.recordAttendance(session, trainee, true);

        WorkItem firstRound = world.awaitTask(TRAINER_A, trainee, TrainingProcess.TASK_SIGN_OFF);
        assertThat(world.taskOf(COORDINATOR_A, trainee)).isEmpty();
        world.signIn(COORDINATOR_A);
        assertThatThrownBy(() -> training.signOff(trainee, judgements(true))).isInstanceOf(AccessDeniedException.class);

        world.signIn(TRAINER_A);
        List<Judgement> partial = judgements(true);
        partial.set(0, new Judgement(partial.get(0).competenceCode(), false, "Luistert nog te weinig door"));
        workItems.complete(firstRound.id(), Map.of(TrainingProcess.Variables.ALL_MET, false),
                () -> assertThat(training.signOff(trainee, partial)).isFalse());

        WorkItem secondRound = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> world.taskOf(TRAINER_A, trainee), tasks -> tasks.size() == 1 && !tasks.get(0).id().equals(firstRound.id())).get(0);
        world.signIn(TRAINER_A);
        workItems.complete(secondRound.id(), Map.of(TrainingProcess.Variables.ALL_MET, true),
                () -> assertThat(training.signOff(trainee, judgements(true))).isTrue());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> training.isQualified(trainee));
        world.signIn(TRAINER_A);
        List<SignOff> lines = training.signOffs(trainee);
        assertThat(lines).hasSize(2 * training.competences().size());
        assertThat(lines.stream().map(SignOff::round).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2);
        assertThat(training.trainees()).filteredOn(t -> t.id().equals(trainee)).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TrainingStatus.CERTIFIED);
            assertThat(t.refresherDue()).contains(LocalDate.now(clock).plusYears(1));
        });

        clock.advance(Duration.ofDays(300));
        world.signIn(TRAINER_A);
        training.recordRefresher(trainee);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> world.as(TRAINER_A, () -> training.trainees().stream()
                .filter(t -> t.id().equals(trainee)).findFirst().orElseThrow().refresherDue())
                .equals(java.util.Optional.of(LocalDate.now(clock).plusYears(1))));

        fireRefresherDeadline(reference(trainee));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !training.isQualified(trainee));
        world.signIn(TRAINER_A);
        assertThat(training.trainees()).filteredOn(t -> t.id().equals(trainee)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TrainingStatus.EXPIRED));
        assertThatThrownBy(() -> training.recertify(trainee)).isInstanceOf(AccessDeniedException.class);

        world.signIn(COORDINATOR_A);
        training.recertify(trainee);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(TrainingProcess.PROCESS_ID).processInstanceBusinessKey(reference(trainee)).count() == 1);
        assertThat(world.as(TRAINER_A, () -> training.trainees()).stream().filter(t -> t.id().equals(trainee)).findFirst().orElseThrow()
                .modulesAttended()).as("attendance before re-certification does not count").isZero();
        UUID again = world.as(TRAINER_A, () -> training.scheduleSession(new NewSession(REGION_A,
                LocalDateTime.now(clock).plusHours(1).withNano(0), LocalDateTime.now(clock).plusHours(3).withNano(0),
                "Steunpunt, zaal 2", 50, allModules())));
        clock.advance(Duration.ofHours(2));
        world.signIn(TRAINER_A);
        training.recordAttendance(again, trainee, true);
        WorkItem recertification = world.awaitTask(TRAINER_A, trainee, TrainingProcess.TASK_SIGN_OFF);
        world.signIn(TRAINER_A);
        workItems.complete(recertification.id(), Map.of(TrainingProcess.Variables.ALL_MET, true),
                () -> assertThat(training.signOff(trainee, judgements(true))).isTrue());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> training.isQualified(trainee));
    }

    @Test
    void a_missed_session_gives_the_coordinator_a_make_up_task() {
        ApplicationId trainee = selectedBuddy();
        UUID session = world.as(TRAINER_A, () -> training.scheduleSession(new NewSession(REGION_A,
                LocalDateTime.now(clock).plusHours(2).withNano(0), LocalDateTime.now(clock).plusHours(5).withNano(0),
                "Online", 50, Set.of("PRIVACY"))));
        clock.advance(Duration.ofHours(3));

        world.signIn(TRAINER_A);
        training.recordAttendance(session, trainee, false);

        WorkItem makeUp = world.awaitTask(COORDINATOR_A, trainee, TrainingProcess.TASK_PLAN_MAKE_UP);
        assertThat(makeUp.phase()).isEqualTo(nl.steunpunt.buddy.workflow.Phase.TRAINING);
        assertThat(training.isQualified(trainee)).isFalse();
    }

    @Test
    void a_session_refuses_impossible_input_and_nobody_signs_off_for_herself() {
        world.signIn(TRAINER_A);
        assertThatThrownBy(() -> training.scheduleSession(new NewSession(REGION_A, LocalDateTime.now(clock).minusDays(1),
                LocalDateTime.now(clock), "Zaal", 10, allModules()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> training.scheduleSession(new NewSession(REGION_A, LocalDateTime.now(clock).plusDays(1),
                LocalDateTime.now(clock).plusDays(1).minusHours(1), "Zaal", 10, allModules()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> training.scheduleSession(new NewSession(REGION_A, LocalDateTime.now(clock).plusDays(1),
                LocalDateTime.now(clock).plusDays(1).plusHours(1), "Zaal", 0, allModules()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> training.scheduleSession(new NewSession(TestWorld.REGION_B, LocalDateTime.now(clock).plusDays(1),
                LocalDateTime.now(clock).plusDays(1).plusHours(1), "Zaal", 5, allModules()))).isInstanceOf(AccessDeniedException.class);

        ApplicationId trainee = selectedBuddy();
        world.signIn(COORDINATOR_A);
        training.linkAccount(trainee, TRAINER_A);
        world.signIn(TRAINER_A);
        assertThatThrownBy(() -> training.signOff(trainee, judgements(true))).isInstanceOf(AccessDeniedException.class)
                .extracting(e -> ((AccessDeniedException) e).messageKey()).isEqualTo("error.sign-off.self");
    }

    @Test
    void changing_the_catalogue_or_correcting_a_sign_off_never_rewrites_what_was_recorded() {
        ApplicationId trainee = selectedBuddy();
        world.signIn(TRAINER_A);
        training.signOff(trainee, judgements(true));
        SignOff listening = training.signOffs(trainee).stream().filter(l -> l.competenceCode().equals("GOED_LUISTEREN")).findFirst().orElseThrow();

        world.signIn(TestWorld.ADMIN);
        try {
            training.saveCompetence("GOED_LUISTEREN", "Actief luisteren", true);
            world.signIn(TRAINER_A);
            assertThat(training.signOffs(trainee)).filteredOn(l -> l.id() == listening.id()).singleElement()
                    .satisfies(l -> assertThat(l.competenceName()).isEqualTo("Goed luisteren"));

            training.correctSignOff(trainee, listening.id(), false, "Bij nader inzien nog niet");
            List<SignOff> lines = training.signOffs(trainee);
            assertThat(lines).filteredOn(l -> l.id() == listening.id()).singleElement().satisfies(l -> assertThat(l.met()).isTrue());
            assertThat(lines).filteredOn(l -> l.corrects().equals(java.util.Optional.of(listening.id()))).singleElement()
                    .satisfies(l -> {
                        assertThat(l.met()).isFalse();
                        assertThat(l.round()).isEqualTo(listening.round());
                    });
            assertThatThrownBy(() -> training.correctSignOff(trainee, listening.id(), true, " "))
                    .isInstanceOf(InvalidInputException.class);

            world.signIn(COORDINATOR_A);
            assertThatThrownBy(() -> training.saveCompetence("NIEUW", "Nieuw", true)).isInstanceOf(AccessDeniedException.class);
        } finally {
            world.signIn(TestWorld.ADMIN);
            training.saveCompetence("GOED_LUISTEREN", "Goed luisteren", true);
        }
    }

    private ApplicationId selectedBuddy() {
        ApplicationId id = world.apply(REGION_A);
        world.advance(id, null);
        world.as(COORDINATOR_A, () -> {
            applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusDays(5), true);
            return null;
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> training.isEnrolled(id));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(TrainingProcess.PROCESS_ID).processInstanceBusinessKey(reference(id)).count() == 1);
        return id;
    }

    private String reference(ApplicationId id) {
        return world.as(COORDINATOR_A, () -> applications.open(id).reference());
    }

    private Set<String> allModules() {
        return training.modules().stream().map(CatalogueItem::code).collect(Collectors.toSet());
    }

    private List<Judgement> judgements(boolean met) {
        return new java.util.ArrayList<>(training.competences().stream()
                .map(c -> new Judgement(c.code(), met, met ? null : "Nog niet")).toList());
    }

    private void fireRefresherDeadline(String reference) {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(TrainingProcess.PROCESS_ID)
                .processInstanceBusinessKey(reference).singleResult().getId();
        var timer = managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(TrainingProcess.EVENT_REFRESHER_MISSED).singleResult();
        assertThat(timer).isNotNull();
        managementService.executeJob(timer.getId());
    }
}
