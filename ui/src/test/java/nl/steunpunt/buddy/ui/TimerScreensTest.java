package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.MANAGER_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.ui.inbox.InboxView;
import nl.steunpunt.buddy.ui.recruitment.ChaseVogView;
import nl.steunpunt.buddy.ui.recruitment.DiscussOverdueScreeningView;
import nl.steunpunt.buddy.ui.recruitment.HoldIntakeView;
import nl.steunpunt.buddy.workflow.CaseEvent;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Screens of tasks that timers create. The test fires the timer job itself (as the job executor
 * would when its due date passes), so no test waits days.
 */
class TimerScreensTest extends KaribuTest {

    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Applications applications;
    @Autowired WorkItems workItems;
    @Autowired Clock clock;

    @Test
    void an_overdue_screening_gives_the_manager_a_task_without_personal_data() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem screening = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        fireTimer(screening.caseReference(), RecruitmentProcess.EVENT_SCREENING_OVERDUE);

        WorkItem escalation = world.awaitTask(MANAGER_A, id, RecruitmentProcess.TASK_DISCUSS_OVERDUE_SCREENING);
        openAppAs(MANAGER_A);
        UI.getCurrent().navigate(InboxView.class);
        UI.getCurrent().navigate(DiscussOverdueScreeningView.class, escalation.id());

        assertThat(_get(Paragraph.class, spec -> spec.withId("escalation-explain")).getText()).contains(screening.caseReference());
        _assertNone(VerticalLayout.class, spec -> spec.withId("case-file"));
        _assertNone(VerticalLayout.class, spec -> spec.withId("case-timeline"));
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(_get(TextArea.class, spec -> spec.withId("escalation-agreement")).isInvalid()).isTrue();

        _setValue(_get(TextArea.class, spec -> spec.withId("escalation-agreement")), "Sanne pakt het vandaag op");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        _assertOne(InboxView.class);
        assertThat(world.taskOf(COORDINATOR_A, id)).extracting(WorkItem::definitionKey)
                .containsExactly(RecruitmentProcess.TASK_SCREEN_APPLICATION);
    }

    @Test
    void a_vog_missing_for_six_weeks_gives_the_coordinator_a_task_whose_outcome_joins_the_timeline() {
        ApplicationId id = world.apply(REGION_A);
        world.advance(id, null);
        String reference = world.as(COORDINATOR_A, () -> applications.open(id).reference());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(reference).messageEventSubscriptionName(RecruitmentProcess.Messages.VOG_RECEIVED).count() == 1);
        fireTimer(reference, RecruitmentProcess.EVENT_VOG_OVERDUE);

        WorkItem chase = world.awaitTask(COORDINATOR_A, id, RecruitmentProcess.TASK_CHASE_VOG);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(ChaseVogView.class, chase.id());
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(_get(TextArea.class, spec -> spec.withId("task-outcome")).isInvalid()).isTrue();

        _setValue(_get(TextArea.class, spec -> spec.withId("task-outcome")), "Gebeld: VOG is aangevraagd, komt volgende week");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        _assertOne(InboxView.class);
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.VOG_PENDING);
        world.signIn(COORDINATOR_A);
        assertThat(workItems.history(reference)).filteredOn(e -> e.kind() == CaseEvent.Kind.NOTE)
                .extracting(CaseEvent::label).contains("Gebeld: VOG is aangevraagd, komt volgende week");
    }

    @Test
    void an_intake_cannot_be_reported_for_a_date_in_the_future() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.advance(id, RecruitmentProcess.TASK_HOLD_INTAKE);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(HoldIntakeView.class, task.id());

        _setValue(_get(DatePicker.class, spec -> spec.withId("intake-held-on")), LocalDate.now(clock).plusDays(1));
        _setValue(_get(TextArea.class, spec -> spec.withId("intake-notes")), "Verslag");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        assertThat(_get(DatePicker.class, spec -> spec.withId("intake-held-on")).isInvalid()).isTrue();
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.INTAKE);
    }

    private void fireTimer(String caseReference, String timerId) {
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseReference)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(timerId).singleResult();
        assertThat(timer).as("timer " + timerId).isNotNull();
        managementService.executeJob(timer.getId());
    }
}
