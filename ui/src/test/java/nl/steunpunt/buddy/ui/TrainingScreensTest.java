package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.TestWorld.BUDDY_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static nl.steunpunt.buddy.ui.TestWorld.TRAINER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.Participant;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.training.TrainingSession;
import nl.steunpunt.buddy.ui.inbox.InboxView;
import nl.steunpunt.buddy.ui.training.MyTrainingView;
import nl.steunpunt.buddy.ui.training.SessionView;
import nl.steunpunt.buddy.ui.training.SignOffView;
import nl.steunpunt.buddy.ui.training.TrainingSessionsView;
import nl.steunpunt.buddy.workflow.WorkItem;

/** The trainer's screens, and who may not use them. */
class TrainingScreensTest extends KaribuTest {

    @Autowired Training training;
    @Autowired Applications applications;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_trainer_schedules_a_session_and_a_session_in_the_past_is_refused() {
        openAppAs(TRAINER_A);
        UI.getCurrent().navigate(TrainingSessionsView.class);
        int before = sessionRows().size();

        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-starts")), LocalDateTime.now(clock).minusDays(1).withSecond(0).withNano(0));
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-ends")), LocalDateTime.now(clock).minusDays(1).plusHours(3).withSecond(0).withNano(0));
        _setValue(_get(TextField.class, spec -> spec.withId("session-location")), "Bibliotheek");
        @SuppressWarnings("unchecked")
        CheckboxGroup<CatalogueItem> modules = _get(CheckboxGroup.class, spec -> spec.withId("session-modules"));
        _setValue(modules, Set.copyOf(training.modules()));
        _click(_get(Button.class, spec -> spec.withId("session-schedule")));
        assertThat(notificationTexts()).contains("Een sessie moet in de toekomst beginnen.");
        assertThat(sessionRows()).hasSize(before);

        NotificationsKt.clearNotifications();
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-starts")), LocalDateTime.now(clock).plusDays(3).withSecond(0).withNano(0));
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-ends")), LocalDateTime.now(clock).plusDays(3).plusHours(3).withSecond(0).withNano(0));
        _click(_get(Button.class, spec -> spec.withId("session-schedule")));

        assertThat(sessionRows()).hasSize(before + 1);
        assertThat(sessionRows()).anySatisfy(s -> assertThat(s.location()).isEqualTo("Bibliotheek"));
    }

    @Test
    void the_trainer_records_attendance_with_one_click_per_trainee() {
        ApplicationId trainee = selectedBuddy();
        UUID session = world.as(TRAINER_A, () -> training.scheduleSession(new NewSession(REGION_A,
                LocalDateTime.now(clock).plusHours(1).withNano(0), LocalDateTime.now(clock).plusHours(4).withNano(0),
                "Zaal 2", 50, Set.of("PRIVACY"))));
        clock.advance(Duration.ofHours(2));
        openAppAs(TRAINER_A);
        UI.getCurrent().navigate(SessionView.class, session.toString());

        @SuppressWarnings("unchecked")
        Grid<Participant> grid = _get(Grid.class, spec -> spec.withId("attendance-grid"));
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).trainee().equals(trainee)).findFirst().orElseThrow();
        Component buttons = GridKt._getCellComponent(grid, row, "record");
        _click(_get(buttons, Button.class, spec -> spec.withText("Aanwezig")));

        assertThat(GridKt._get(grid, row).present()).contains(true);
        assertThat(GridKt._getFormattedRow(grid, row)).contains("Aanwezig");
    }

    @Test
    void the_sign_off_form_needs_a_judgement_per_competence_and_a_remark_when_not_met() {
        ApplicationId trainee = selectedBuddy();
        WorkItem task = toSignOff(trainee);
        openAppAs(TRAINER_A);
        UI.getCurrent().navigate(SignOffView.class, task.id());

        List<CatalogueItem> competences = training.competences();
        for (CatalogueItem competence : competences.subList(1, competences.size())) {
            met(competence).setValue(true);
        }
        _setValue(met(competences.get(0)), false);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(_get(TextField.class, spec -> spec.withId("remark-" + competences.get(0).code())).isInvalid()).isTrue();
        assertThat(world.as(TRAINER_A, () -> training.signOffs(trainee))).isEmpty();

        _setValue(_get(TextField.class, spec -> spec.withId("remark-" + competences.get(0).code())), "Nog oefenen met doorvragen");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        _assertOne(InboxView.class);
        assertThat(world.as(TRAINER_A, () -> training.signOffs(trainee))).hasSize(competences.size())
                .anySatisfy(line -> assertThat(line.remark()).isEqualTo("Nog oefenen met doorvragen"));
        WorkItem next = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> world.taskOf(TRAINER_A, trainee),
                tasks -> tasks.size() == 1 && !tasks.get(0).id().equals(task.id())).get(0);
        openAppAs(TRAINER_A);
        UI.getCurrent().navigate(SignOffView.class, next.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-meta")).getText()).contains(task.caseReference());
    }

    @Test
    void a_coordinator_and_a_buddy_are_refused_the_sign_off_form() {
        ApplicationId trainee = selectedBuddy();
        WorkItem task = toSignOff(trainee);

        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(SignOffView.class, task.id());
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(SignOffView.class);
        assertThatThrownBy(() -> _assertOne(SignOffView.class)).hasStackTraceContaining("Access is denied");
        closeApp();

        openAppAs(BUDDY_A);
        UI.getCurrent().navigate(SignOffView.class, task.id());
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(SignOffView.class);
    }

    @Test
    void a_buddy_sees_her_own_training_status_and_sessions() {
        ApplicationId trainee = selectedBuddy();
        world.as(COORDINATOR_A, () -> {
            training.linkAccount(trainee, BUDDY_A);
            return null;
        });
        world.as(TRAINER_A, () -> training.scheduleSession(new NewSession(REGION_A, LocalDateTime.now(clock).plusDays(2).withNano(0),
                LocalDateTime.now(clock).plusDays(2).plusHours(3).withNano(0), "Buurthuis De Linde", 50, Set.of("PRIVACY"))));

        openAppAs(BUDDY_A);
        UI.getCurrent().navigate(MyTrainingView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("my-training-status")).getText()).startsWith("Status: In scholing");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class).stream().map(Paragraph::getText))
                .anySatisfy(text -> assertThat(text).contains("Buurthuis De Linde"));
    }

    @Test
    void the_administrator_extends_the_catalogue_and_a_bad_code_is_refused() {
        openAppAs(TestWorld.ADMIN);
        UI.getCurrent().navigate(nl.steunpunt.buddy.ui.admin.CatalogueView.class);

        _setValue(_get(TextField.class, spec -> spec.withId("module-code")), "bad code!");
        _setValue(_get(TextField.class, spec -> spec.withId("module-name")), "Online veiligheid");
        _click(_get(Button.class, spec -> spec.withId("module-save")));
        assertThat(notificationTexts()).contains("Een code bestaat uit hoofdletters, cijfers en _ (2 tot 40 tekens).");

        _setValue(_get(TextField.class, spec -> spec.withId("module-code")), "ONLINE_VEILIGHEID");
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("module-flag")), false);
        _click(_get(Button.class, spec -> spec.withId("module-save")));

        assertThat(training.modules()).anySatisfy(m -> {
            assertThat(m.code()).isEqualTo("ONLINE_VEILIGHEID");
            assertThat(m.required()).isFalse();
        });
    }

    private ApplicationId selectedBuddy() {
        ApplicationId id = world.apply(REGION_A);
        world.advance(id, null);
        world.as(COORDINATOR_A, () -> {
            applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusDays(5), true);
            return null;
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> training.isEnrolled(id));
        return id;
    }

    /** Attends all modules in one session, as the trainer, so the sign-off task appears. */
    private WorkItem toSignOff(ApplicationId trainee) {
        UUID session = world.as(TRAINER_A, () -> training.scheduleSession(new NewSession(REGION_A,
                LocalDateTime.now(clock).plusHours(1).withNano(0), LocalDateTime.now(clock).plusHours(4).withNano(0), "Zaal 3", 50,
                training.modules().stream().map(CatalogueItem::code).collect(Collectors.toSet()))));
        clock.advance(Duration.ofHours(2));
        world.as(TRAINER_A, () -> {
            training.recordAttendance(session, trainee, true);
            return null;
        });
        clock.reset();
        return world.awaitTask(TRAINER_A, trainee, TrainingProcess.TASK_SIGN_OFF);
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Boolean> met(CatalogueItem competence) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("met-" + competence.code()));
    }

    private List<TrainingSession> sessionRows() {
        @SuppressWarnings("unchecked")
        Grid<TrainingSession> grid = _get(Grid.class, spec -> spec.withId("sessions-grid"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")).toList();
    }
}
