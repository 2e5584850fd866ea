package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.TestWorld.ADMIN;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_B;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.notification.SentMail;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationFilter;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.ApplicationSummary;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.Competence;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.ui.admin.OutboxView;
import nl.steunpunt.buddy.ui.inbox.InboxView;
import nl.steunpunt.buddy.ui.recruitment.ApplicationListView;
import nl.steunpunt.buddy.ui.recruitment.ApplicationView;
import nl.steunpunt.buddy.ui.recruitment.AssessSuitabilityView;
import nl.steunpunt.buddy.ui.recruitment.DecisionView;
import nl.steunpunt.buddy.ui.recruitment.PublicApplicationView;
import nl.steunpunt.buddy.ui.recruitment.ScheduleIntakeView;
import nl.steunpunt.buddy.workflow.WorkItem;

/** The screens of werving en selectie, each with its validation and its region boundary. */
class RecruitmentScreensTest extends KaribuTest {

    @Autowired Applications applications;
    @Autowired Clock clock;

    @Test
    void a_visitor_applies_through_the_public_form_and_an_incomplete_form_stores_nothing() {
        openAppAnonymously();
        UI.getCurrent().navigate(PublicApplicationView.class);

        fillPublicForm("publiek@example.org");
        _setValue(_get(Checkbox.class, spec -> spec.withId("form-consent")), false);
        _click(_get(Button.class, spec -> spec.withId("form-submit")));

        assertThat(notificationTexts()).contains("Zonder toestemming kunnen we je aanmelding niet verwerken.");
        assertThat(applicationsWithEmailText("publiek")).isEmpty();

        _setValue(_get(Checkbox.class, spec -> spec.withId("form-consent")), true);
        _click(_get(Button.class, spec -> spec.withId("form-submit")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("application-thanks")).getText()).startsWith("Dank je wel!");
        List<ApplicationSummary> stored = applicationsWithEmailText("Publiek");
        assertThat(stored).singleElement().satisfies(a -> assertThat(a.region()).isEqualTo(REGION_A));
        world.awaitTask(COORDINATOR_A, stored.get(0).id(), RecruitmentProcess.TASK_SCREEN_APPLICATION);
    }

    @Test
    void planning_an_intake_needs_a_future_moment_and_a_place() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.advance(id, RecruitmentProcess.TASK_SCHEDULE_INTAKE);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(ScheduleIntakeView.class, task.id());

        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        DateTimePicker at = _get(DateTimePicker.class, spec -> spec.withId("intake-planned-at"));
        assertThat(at.isInvalid()).isTrue();
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.INTAKE_PLANNING);

        _setValue(at, LocalDateTime.now(clock).plusDays(5).withSecond(0).withNano(0));
        _setValue(_get(TextField.class, spec -> spec.withId("intake-place")), "Bibliotheek, zaal 3");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        _assertOne(InboxView.class);
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.INTAKE);
    }

    @Test
    void an_assessment_needs_a_score_for_every_competence_and_then_gets_an_advice() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.advance(id, RecruitmentProcess.TASK_ASSESS_SUITABILITY);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(AssessSuitabilityView.class, task.id());

        for (Competence competence : Competence.values()) {
            if (competence != Competence.REFLECTEREN) {
                score(competence, 3);
            }
        }
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(scoreField(Competence.REFLECTEREN).isInvalid()).isTrue();
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.ASSESSMENT);

        score(Competence.REFLECTEREN, 1);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        _assertOne(InboxView.class);
        world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_DECIDE);
        world.signIn(COORDINATOR_A);
        assertThat(applications.open(id).advice()).contains(Decision.ON_HOLD);
    }

    @Test
    void the_decision_form_preselects_the_advice_and_asks_why_when_the_coordinator_departs_from_it() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.advance(id, RecruitmentProcess.TASK_DECIDE);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(DecisionView.class, task.id());

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Decision> decision = _get(RadioButtonGroup.class, spec -> spec.withId("decision-outcome"));
        assertThat(decision.getValue()).isEqualTo(Decision.SELECTED);
        assertThat(_get(Paragraph.class, spec -> spec.withId("decision-advice")).getText()).startsWith("Advies: Geselecteerd");
        assertThat(_find(TextArea.class, spec -> spec.withId("decision-override-reason"))).as("hidden while following the advice").isEmpty();

        _setValue(decision, Decision.ON_HOLD);
        TextArea override = _get(TextArea.class, spec -> spec.withId("decision-override-reason"));
        _setValue(_get(TextArea.class, spec -> spec.withId("decision-reason")), "Start pas in het nieuwe schooljaar");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(override.isInvalid()).isTrue();
        assertThat(override.getErrorMessage()).isEqualTo("Leg vast waarom je afwijkt van het advies.");
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.DECISION);

        _setValue(override, "Wil eerst de zomer afwachten");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        _assertOne(InboxView.class);
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.ON_HOLD);
        world.signIn(COORDINATOR_A);
        assertThat(applications.open(id).overrideReason()).contains("Wil eerst de zomer afwachten");
    }

    @Test
    void the_vog_register_refuses_impossible_dates_and_records_a_valid_vog() {
        ApplicationId id = world.apply(REGION_A);
        world.advance(id, null);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(ApplicationView.class, id.toString());

        _setValue(_get(DatePicker.class, spec -> spec.withId("vog-seen-on")), LocalDate.now(clock).minusDays(2));
        _setValue(_get(DatePicker.class, spec -> spec.withId("vog-certificate-date")), LocalDate.now(clock).minusDays(1));
        _setValue(_get(Checkbox.class, spec -> spec.withId("vog-valid")), true);
        _click(_get(Button.class, spec -> spec.withId("vog-register")));
        assertThat(notificationTexts()).contains("De datum op de VOG kan niet na de datum van inzien liggen.");
        world.signIn(COORDINATOR_A);
        assertThat(applications.open(id).vogRecords()).isEmpty();

        NotificationsKt.clearNotifications();
        _setValue(_get(DatePicker.class, spec -> spec.withId("vog-certificate-date")), LocalDate.now(clock).minusDays(20));
        _click(_get(Button.class, spec -> spec.withId("vog-register")));

        assertThat(notificationTexts()).contains("VOG vastgelegd.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applications.status(id) == ApplicationStatus.SELECTED);
    }

    @Test
    void a_coordinator_records_a_withdrawal_only_with_a_reason() {
        ApplicationId id = world.apply(REGION_A);
        world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(ApplicationView.class, id.toString());

        _click(_get(Button.class, spec -> spec.withId("withdraw")));
        assertThat(notificationTexts()).contains("Vul de reden van intrekken in.");
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.SCREENING);

        _setValue(_get(TextArea.class, spec -> spec.withId("withdraw-reason")), "Geen tijd meer");
        _click(_get(Button.class, spec -> spec.withId("withdraw")));

        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> world.taskOf(COORDINATOR_A, id).isEmpty());
    }

    @Test
    void a_coordinator_of_another_region_can_neither_list_nor_open_the_application() {
        ApplicationId id = world.apply(REGION_A);
        openAppAs(COORDINATOR_B);

        UI.getCurrent().navigate(ApplicationListView.class);
        _setValue(_get(Checkbox.class, spec -> spec.withId("filter-open")), false);
        @SuppressWarnings("unchecked")
        Grid<ApplicationSummary> grid = _get(Grid.class, spec -> spec.withId("applications-grid"));
        List<ApplicationSummary> rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).allSatisfy(row -> assertThat(row.region()).isEqualTo(REGION_B));
        assertThat(rows).extracting(ApplicationSummary::id).doesNotContain(id);

        UI.getCurrent().navigate(ApplicationView.class, id.toString());
        assertThat(_get(Paragraph.class, spec -> spec.withId("application-problem")).getText())
                .isEqualTo("Dit valt buiten jouw regio's of rol.");
        assertThat(_find(TextArea.class, spec -> spec.withId("withdraw-reason"))).isEmpty();
    }

    @Test
    void the_administrator_reads_the_outgoing_mail() {
        ApplicationId id = world.apply(REGION_A);
        world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        openAppAs(ADMIN);
        UI.getCurrent().navigate(OutboxView.class);

        @SuppressWarnings("unchecked")
        Grid<SentMail> grid = _get(Grid.class, spec -> spec.withId("outbox-grid"));
        assertThat(GridKt._size(grid)).isPositive();
        assertThat(GridKt._get(grid, 0).template()).isNotNull();
    }

    private void fillPublicForm(String email) {
        _setValue(_get(TextField.class, spec -> spec.withId("form-first-name")), "Publiek");
        _setValue(_get(TextField.class, spec -> spec.withId("form-last-name")), "de Aanmelder");
        _setValue(_get(EmailField.class, spec -> spec.withId("form-email")), email);
        @SuppressWarnings("unchecked")
        Select<Region> region = _get(Select.class, spec -> spec.withId("form-region"));
        _setValue(region, region.getListDataView().getItems().filter(r -> r.code().equals(REGION_A)).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        CheckboxGroup<SchoolLevel> levels = _get(CheckboxGroup.class, spec -> spec.withId("form-school-levels"));
        _setValue(levels, Set.of(SchoolLevel.VO));
        @SuppressWarnings("unchecked")
        CheckboxGroup<ProblemArea> areas = _get(CheckboxGroup.class, spec -> spec.withId("form-problem-areas"));
        _setValue(areas, Set.of(ProblemArea.AUTISME));
        _setValue(_get(IntegerField.class, spec -> spec.withId("form-hours")), 3);
        _setValue(_get(TextArea.class, spec -> spec.withId("form-motivation")), "Ik weet hoe eenzaam het is.");
    }

    private List<ApplicationSummary> applicationsWithEmailText(String name) {
        return world.as(COORDINATOR_A, () -> applications.search(
                new ApplicationFilter(java.util.Optional.empty(), java.util.Optional.empty(), false, java.util.Optional.of(name)), 0, 100));
    }

    private void score(Competence competence, int value) {
        _setValue(scoreField(competence), value);
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Integer> scoreField(Competence competence) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("score-" + competence.name()));
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")).toList();
    }
}
