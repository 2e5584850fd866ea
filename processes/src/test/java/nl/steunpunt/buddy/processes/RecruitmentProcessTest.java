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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** Every path, timer and boundary event of werving en selectie, with recording stand-ins for the delegates. */
@Deployment(resources = "processes/RecruitmentProcess.bpmn")
class RecruitmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final Instant start = Instant.parse("2026-03-02T09:00:00Z");
    private final List<String> calls = new ArrayList<>();
    private final List<String> mails = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        Mocks.register(Beans.DEADLINES, new TestDeadlines());
        Mocks.register(Beans.NOTIFY_APPLICANT, (JavaDelegate) execution ->
                mails.add((String) execution.getVariableLocal(Variables.MAIL_TEMPLATE)));
        for (String bean : List.of(Beans.REMIND_COORDINATORS, Beans.ADVISE_SELECTION, Beans.CONFIRM_SELECTION,
                Beans.CONFIRM_REJECTION, Beans.ENROLL_IN_TRAINING, Beans.RECORD_WITHDRAWAL)) {
            Mocks.register(bean, (JavaDelegate) execution -> calls.add(bean));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance startApplication(String region) {
        return runtimeService().startProcessInstanceByKey(PROCESS_ID, "AANM-2026-0001",
                Map.of(Variables.APPLICATION_ID, "8c5a3a57-1111-4a1d-9d53-5f0f9d2c0001", Variables.REGION_CODE, region));
    }

    /** Runs the asynchronous step the process waits at and checks it is the expected one. */
    private void run(ProcessInstance pi, String activity) {
        assertThat(pi).isWaitingAt(activity);
        execute(job(activity, pi));
    }

    private ProcessInstance atScreening() {
        ProcessInstance pi = startApplication("PO-2605");
        run(pi, TASK_SEND_RECEIPT);
        assertThat(pi).isWaitingAt(TASK_SCREEN_APPLICATION);
        return pi;
    }

    private ProcessInstance atDecision() {
        ProcessInstance pi = atScreening();
        complete(task(pi), withVariables(Variables.SUITABLE, true));
        complete(task(pi));
        run(pi, TASK_SEND_INTAKE_INVITATION);
        complete(task(TASK_HOLD_INTAKE, pi));
        complete(task(TASK_ASSESS_SUITABILITY, pi));
        run(pi, TASK_ADVISE_SELECTION);
        assertThat(pi).isWaitingAt(TASK_DECIDE);
        return pi;
    }

    private ProcessInstance awaitingVog() {
        ProcessInstance pi = atDecision();
        complete(task(pi), withVariables(Variables.DECISION, "SELECTED"));
        run(pi, TASK_CONFIRM_SELECTION);
        run(pi, TASK_REQUEST_VOG);
        assertThat(pi).isWaitingAt(TASK_AWAIT_VOG);
        return pi;
    }

    @Test
    void a_new_application_is_acknowledged_and_then_waits_for_screening_in_its_region() throws Exception {
        ProcessInstance pi = startApplication("PO-2605");
        assertThat(pi).isWaitingAt(TASK_SEND_RECEIPT);
        assertThat(mails).isEmpty();

        run(pi, TASK_SEND_RECEIPT);

        assertThat(mails).containsExactly("APPLICATION_RECEIVED");
        assertThat(pi).isWaitingAt(TASK_SCREEN_APPLICATION);
        assertThat(task(pi)).hasCandidateGroup("coordinator-PO-2605").isNotAssigned()
                .hasFormKey(Forms.SCREEN_APPLICATION).hasDueDate(Date.from(start.plus(TestDeadlines.SCREENING)));
        assertThat(candidateGroupsOf(task(pi))).containsExactly("coordinator-PO-2605");
    }

    @Test
    void on_the_screening_due_date_the_coordinators_are_reminded_and_the_task_stays_open() throws Exception {
        ProcessInstance pi = atScreening();
        Job dueTimer = timer(pi, EVENT_SCREENING_DUE);
        assertThat(dueTimer.getDuedate()).isEqualTo(Date.from(start.plus(TestDeadlines.SCREENING)));

        execute(dueTimer);
        run(pi, TASK_REMIND_COORDINATORS);

        assertThat(calls).containsExactly(Beans.REMIND_COORDINATORS);
        assertThat(pi).hasPassed(EVENT_SCREENING_DUE, "Event_CoordinatorsReminded").isWaitingAt(TASK_SCREEN_APPLICATION);
    }

    @Test
    void an_overdue_screening_escalates_to_a_manager_task_of_the_region() throws Exception {
        ProcessInstance pi = atScreening();
        Job escalation = timer(pi, EVENT_SCREENING_OVERDUE);
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(start.plus(TestDeadlines.SCREENING_ESCALATION)));

        execute(escalation);

        assertThat(pi).isWaitingAt(TASK_SCREEN_APPLICATION, TASK_DISCUSS_OVERDUE_SCREENING);
        Task discuss = task(TASK_DISCUSS_OVERDUE_SCREENING, pi);
        assertThat(discuss).hasCandidateGroup("manager-PO-2605").hasFormKey(Forms.DISCUSS_OVERDUE_SCREENING);
        complete(discuss);
        assertThat(pi).isWaitingAt(TASK_SCREEN_APPLICATION).isNotEnded();
    }

    @Test
    void an_unsuitable_application_is_rejected_without_intake_and_its_timers_are_gone() throws Exception {
        ProcessInstance pi = atScreening();

        complete(task(pi), withVariables(Variables.SUITABLE, false));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        run(pi, TASK_CONFIRM_REJECTION);

        assertThat(pi).hasPassed(TASK_CONFIRM_REJECTION, EVENT_NOT_SELECTED).hasNotPassed(TASK_SCHEDULE_INTAKE).isEnded();
        assertThat(calls).containsExactly(Beans.CONFIRM_REJECTION);
    }

    @Test
    void a_selected_applicant_with_a_valid_vog_is_enrolled_in_training() throws Exception {
        ProcessInstance pi = atScreening();
        complete(task(pi), withVariables(Variables.SUITABLE, true));
        assertThat(task(pi)).hasDefinitionKey(TASK_SCHEDULE_INTAKE).hasCandidateGroup("coordinator-PO-2605")
                .hasDueDate(Date.from(start.plus(TestDeadlines.INTAKE)));
        complete(task(pi));
        run(pi, TASK_SEND_INTAKE_INVITATION);
        complete(task(TASK_HOLD_INTAKE, pi));
        assertThat(task(pi)).hasDefinitionKey(TASK_ASSESS_SUITABILITY).hasFormKey(Forms.ASSESS_SUITABILITY);
        complete(task(pi));
        run(pi, TASK_ADVISE_SELECTION);
        complete(task(TASK_DECIDE, pi), withVariables(Variables.DECISION, "SELECTED"));
        run(pi, TASK_CONFIRM_SELECTION);
        run(pi, TASK_REQUEST_VOG);
        assertThat(pi).isWaitingAt(TASK_AWAIT_VOG);

        runtimeService().createMessageCorrelation(Messages.VOG_RECEIVED).processInstanceId(pi.getId())
                .setVariable(Variables.VOG_VALID, true).correlate();
        run(pi, TASK_ENROLL_IN_TRAINING);

        assertThat(pi).hasPassed(EVENT_ENROLLED_IN_TRAINING).isEnded();
        assertThat(mails).containsExactly("APPLICATION_RECEIVED", "INTAKE_INVITATION", "VOG_REQUEST");
        assertThat(calls).containsExactly(Beans.ADVISE_SELECTION, Beans.CONFIRM_SELECTION, Beans.ENROLL_IN_TRAINING);
    }

    @Test
    void a_vog_not_seen_after_two_weeks_brings_a_reminder_and_after_six_weeks_a_coordinator_task() throws Exception {
        ProcessInstance pi = awaitingVog();
        Job reminder = timer(pi, EVENT_VOG_REMINDER_DUE);
        Job escalation = timer(pi, EVENT_VOG_OVERDUE);
        assertThat(Duration.between(start, reminder.getDuedate().toInstant())).isEqualTo(Duration.ofDays(14));
        assertThat(Duration.between(start, escalation.getDuedate().toInstant())).isEqualTo(Duration.ofDays(42));

        execute(reminder);
        run(pi, TASK_REMIND_VOG);
        assertThat(mails).endsWith("VOG_REMINDER");
        assertThat(pi).isWaitingAt(TASK_AWAIT_VOG);

        execute(escalation);
        Task chase = task(TASK_CHASE_VOG, pi);
        assertThat(chase).hasCandidateGroup("coordinator-PO-2605").hasFormKey(Forms.CHASE_VOG);
        complete(chase);
        assertThat(pi).isWaitingAt(TASK_AWAIT_VOG);

        runtimeService().createMessageCorrelation(Messages.VOG_RECEIVED).processInstanceId(pi.getId())
                .setVariable(Variables.VOG_VALID, true).correlate();
        run(pi, TASK_ENROLL_IN_TRAINING);
        assertThat(pi).isEnded();
    }

    @Test
    void an_invalid_vog_ends_in_rejection() throws Exception {
        ProcessInstance pi = awaitingVog();

        runtimeService().createMessageCorrelation(Messages.VOG_RECEIVED).processInstanceId(pi.getId())
                .setVariable(Variables.VOG_VALID, false).correlate();
        run(pi, TASK_CONFIRM_REJECTION);

        assertThat(pi).hasPassed(GATEWAY_VOG_VALID, EVENT_NOT_SELECTED).hasNotPassed(TASK_ENROLL_IN_TRAINING).isEnded();
    }

    @Test
    void a_not_selected_applicant_is_told_and_the_process_ends() throws Exception {
        ProcessInstance pi = atDecision();

        complete(task(pi), withVariables(Variables.DECISION, "NOT_SELECTED"));
        run(pi, TASK_CONFIRM_REJECTION);

        assertThat(pi).hasPassed(TASK_CONFIRM_REJECTION, EVENT_NOT_SELECTED).hasNotPassed(TASK_CONFIRM_SELECTION).isEnded();
    }

    @Test
    void an_application_on_hold_is_told_and_comes_back_for_a_decision_after_the_waiting_period() throws Exception {
        ProcessInstance pi = atDecision();

        complete(task(pi), withVariables(Variables.DECISION, "ON_HOLD"));
        run(pi, TASK_INFORM_ON_HOLD);
        assertThat(mails).endsWith("DECISION_ON_HOLD");
        assertThat(pi).isWaitingAt(EVENT_ON_HOLD_ELAPSED);
        Job waiting = timer(pi, EVENT_ON_HOLD_ELAPSED);
        assertThat(Duration.between(start, waiting.getDuedate().toInstant())).isEqualTo(Duration.ofDays(28));

        execute(waiting);

        assertThat(pi).isWaitingAt(TASK_DECIDE);
        complete(task(pi), withVariables(Variables.DECISION, "SELECTED"));
        run(pi, TASK_CONFIRM_SELECTION);
        assertThat(pi).isWaitingAt(TASK_REQUEST_VOG);
    }

    @Test
    void withdrawal_during_screening_ends_everything_cleanly() throws Exception {
        assertWithdrawalEndsCleanly(atScreening());
    }

    @Test
    void withdrawal_while_on_hold_ends_everything_cleanly() throws Exception {
        ProcessInstance pi = atDecision();
        complete(task(pi), withVariables(Variables.DECISION, "ON_HOLD"));
        run(pi, TASK_INFORM_ON_HOLD);
        assertWithdrawalEndsCleanly(pi);
    }

    @Test
    void withdrawal_while_waiting_for_the_vog_ends_everything_cleanly() throws Exception {
        assertWithdrawalEndsCleanly(awaitingVog());
    }

    @Test
    void withdrawal_after_an_escalation_also_ends_the_manager_task() throws Exception {
        ProcessInstance pi = atScreening();
        execute(timer(pi, EVENT_SCREENING_OVERDUE));
        assertThat(pi).isWaitingAt(TASK_DISCUSS_OVERDUE_SCREENING);
        assertWithdrawalEndsCleanly(pi);
    }

    private void assertWithdrawalEndsCleanly(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(Messages.APPLICATION_WITHDRAWN).processInstanceId(pi.getId()).correlate();
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        run(pi, TASK_RECORD_WITHDRAWAL);

        assertThat(pi).hasPassed(EVENT_APPLICATION_WITHDRAWN, EVENT_WITHDRAWN).isEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(calls).endsWith(Beans.RECORD_WITHDRAWAL);
    }

    @Test
    void a_failing_step_is_retried_and_keeps_the_process_at_that_step() throws Exception {
        Mocks.register(Beans.CONFIRM_SELECTION, (JavaDelegate) execution -> {
            throw new IllegalStateException("database briefly away");
        });
        ProcessInstance pi = atDecision();
        complete(task(pi), withVariables(Variables.DECISION, "SELECTED"));

        ManagementService management = engine.getManagementService();
        Job job = job(TASK_CONFIRM_SELECTION, pi);
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("database briefly away");

        Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getExceptionMessage()).contains("database briefly away");
        assertThat(pi).isWaitingAt(TASK_CONFIRM_SELECTION).isNotEnded();
    }

    @Test
    void a_decision_without_a_known_outcome_is_refused_and_the_task_stays_open() throws Exception {
        ProcessInstance pi = atDecision();
        Task decide = task(pi);

        assertThatThrownBy(() -> complete(decide, withVariables(Variables.DECISION, "MAYBE")))
                .hasMessageContaining("No outgoing sequence flow");

        assertThat(pi).isWaitingAt(TASK_DECIDE);
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(activityId).singleResult();
    }

    private List<String> candidateGroupsOf(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }
}
