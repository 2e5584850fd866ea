package nl.steunpunt.buddy.processes;

import static nl.steunpunt.buddy.processes.RecruitmentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/RecruitmentProcess.bpmn")
class RecruitmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final JavaDelegate confirmSelection = mock(JavaDelegate.class);
    private final JavaDelegate confirmRejection = mock(JavaDelegate.class);
    private final Instant start = Instant.parse("2026-03-02T09:00:00Z");

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        Mocks.register(Beans.DEADLINES, new TestDeadlines());
        Mocks.register(Beans.CONFIRM_SELECTION, confirmSelection);
        Mocks.register(Beans.CONFIRM_REJECTION, confirmRejection);
    }

    @AfterEach
    void reset() throws Exception {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance startApplication(String region) {
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, "AANM-2026-0001",
                Map.of(Variables.APPLICATION_ID, "8c5a3a57-1111-4a1d-9d53-5f0f9d2c0001", Variables.REGION_CODE, region));
    }

    @Test
    void a_new_application_waits_for_screening_by_the_coordinators_of_its_region() throws Exception {
        ProcessInstance pi = startApplication("PO-2605");

        assertThat(pi).isStarted().isWaitingAt(TASK_SCREEN_APPLICATION);
        assertThat(task(pi)).hasCandidateGroup("coordinator-PO-2605").isNotAssigned()
                .hasFormKey(Forms.SCREEN_APPLICATION)
                .hasDueDate(Date.from(start.plus(TestDeadlines.SCREENING)));
        assertThat(candidateGroupsOf(task(pi))).containsExactly("coordinator-PO-2605");
    }

    @Test
    void an_application_found_unsuitable_is_rejected_without_intake() throws Exception {
        ProcessInstance pi = startApplication("PO-2605");

        complete(task(pi), withVariables(Variables.SUITABLE, false));
        assertThat(pi).isWaitingAt(TASK_CONFIRM_REJECTION);
        execute(job(pi));

        assertThat(pi).hasPassedInOrder(TASK_SCREEN_APPLICATION, GATEWAY_SUITABLE, TASK_CONFIRM_REJECTION, EVENT_NOT_SELECTED)
                .hasNotPassed(TASK_HOLD_INTAKE).isEnded();
        verify(confirmRejection, times(1)).execute(any());
        verify(confirmSelection, never()).execute(any());
    }

    @Test
    void a_suitable_applicant_gets_an_intake_and_then_a_decision() throws Exception {
        ProcessInstance pi = startApplication("VO-2606");

        complete(task(pi), withVariables(Variables.SUITABLE, true));
        assertThat(pi).isWaitingAt(TASK_HOLD_INTAKE);
        assertThat(task(pi)).hasCandidateGroup("coordinator-VO-2606").hasFormKey(Forms.HOLD_INTAKE)
                .hasDueDate(Date.from(start.plus(TestDeadlines.INTAKE)));

        complete(task(pi));
        assertThat(pi).isWaitingAt(TASK_DECIDE);
        assertThat(task(pi)).hasCandidateGroup("coordinator-VO-2606").hasFormKey(Forms.DECIDE);
    }

    @Test
    void a_selected_applicant_is_confirmed_asynchronously_and_the_process_ends_selected() throws Exception {
        ProcessInstance pi = toDecision();

        complete(task(pi), withVariables(Variables.DECISION, "SELECTED"));
        assertThat(pi).isWaitingAt(TASK_CONFIRM_SELECTION);
        verify(confirmSelection, never()).execute(any());

        execute(job(pi));
        assertThat(pi).hasPassed(TASK_CONFIRM_SELECTION, EVENT_SELECTED).hasNotPassed(TASK_CONFIRM_REJECTION).isEnded();
        verify(confirmSelection, times(1)).execute(any());
    }

    @Test
    void a_not_selected_applicant_is_confirmed_as_rejection() throws Exception {
        ProcessInstance pi = toDecision();

        complete(task(pi), withVariables(Variables.DECISION, "NOT_SELECTED"));
        execute(job(pi));

        assertThat(pi).hasPassed(TASK_CONFIRM_REJECTION, EVENT_NOT_SELECTED).hasNotPassed(TASK_CONFIRM_SELECTION).isEnded();
        verify(confirmRejection, times(1)).execute(any());
    }

    @Test
    void an_application_on_hold_comes_back_for_a_decision_when_the_waiting_period_is_over() throws Exception {
        ProcessInstance pi = toDecision();

        complete(task(pi), withVariables(Variables.DECISION, "ON_HOLD"));
        assertThat(pi).isWaitingAt(EVENT_ON_HOLD_ELAPSED);
        Job timer = job(pi);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(start.plus(28, ChronoUnit.DAYS)));

        ClockUtil.setCurrentTime(Date.from(start.plus(28, ChronoUnit.DAYS).plusSeconds(1)));
        execute(timer);

        assertThat(pi).hasPassed(EVENT_ON_HOLD_ELAPSED).isWaitingAt(TASK_DECIDE);
        complete(task(pi), withVariables(Variables.DECISION, "SELECTED"));
        execute(job(pi));
        assertThat(pi).hasPassed(EVENT_SELECTED).isEnded();
    }

    @Test
    void a_failing_confirmation_is_retried_and_keeps_the_process_at_that_step() throws Exception {
        doThrow(new IllegalStateException("database briefly away")).when(confirmSelection).execute(any());
        ProcessInstance pi = toDecision();
        complete(task(pi), withVariables(Variables.DECISION, "SELECTED"));

        ManagementService management = engine.getManagementService();
        Job job = job(pi);
        try {
            management.executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the job executor would log this and retry later
        }

        Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getExceptionMessage()).contains("database briefly away");
        assertThat(pi).isWaitingAt(TASK_CONFIRM_SELECTION).isNotEnded();
    }

    @Test
    void a_decision_without_a_known_outcome_is_refused_and_the_task_stays_open() throws Exception {
        ProcessInstance pi = toDecision();
        Task decide = task(pi);

        assertThatThrownBy(
                () -> complete(decide, withVariables(Variables.DECISION, "MAYBE")))
                .hasMessageContaining("No outgoing sequence flow");

        assertThat(pi).isWaitingAt(TASK_DECIDE);
    }

    private ProcessInstance toDecision() {
        ProcessInstance pi = startApplication("PO-2605");
        complete(task(pi), withVariables(Variables.SUITABLE, true));
        complete(task(pi));
        assertThat(pi).isWaitingAt(TASK_DECIDE);
        return pi;
    }

    private List<String> candidateGroupsOf(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
