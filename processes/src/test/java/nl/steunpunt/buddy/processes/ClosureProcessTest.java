package nl.steunpunt.buddy.processes;

import static nl.steunpunt.buddy.processes.ClosureProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of afsluiting: both evaluations in time, the parent after a reminder, the parent never (link
 * expires), the buddy never (evaluation lapses), and anonymisation twelve months after closure, not earlier
 * than the closing work and not later than the retention period when the work was done in time.
 */
@Deployment(resources = "processes/ClosureProcess.bpmn")
class ClosureProcessTest {

    private static final String BUDDY = "buddy.utrecht";
    private static final String COORDINATORS = "coordinator-PO-2605";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final Instant start = Instant.parse("2026-11-02T09:00:00Z");
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        Mocks.register(Beans.DEADLINES, new TestClosureDeadlines());
        for (String bean : List.of(Beans.RESTORE_BUDDY_CAPACITY, Beans.SEND_PARENT_EVALUATION_LINK, Beans.REMIND_PARENT_EVALUATION,
                Beans.EXPIRE_EVALUATION_LINK, Beans.ANONYMISE_CASE)) {
            Mocks.register(bean, (JavaDelegate) execution -> calls.add(bean));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance close() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, "HULP-2026-0001",
                Map.of(Variables.MATCH_ID, "5b0e7f0e-0000-4000-8000-000000000001",
                        Variables.HELP_REQUEST_ID, "c0a80101-0000-4000-8000-000000000001",
                        Variables.REGION_CODE, "PO-2605", Variables.BUDDY_USER_ID, BUDDY));
        assertThat(pi).isWaitingAt(TASK_CLOSING_CONVERSATION, EVENT_RETENTION_OVER);
        return pi;
    }

    /** Closing conversation done, buddy back in the pool, link sent: both evaluations are open. */
    private ProcessInstance evaluating() {
        ProcessInstance pi = close();
        assertThat(task(TASK_CLOSING_CONVERSATION, pi)).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.CLOSING_CONVERSATION)
                .hasDueDate(Date.from(start.plus(TestClosureDeadlines.CLOSING_CONVERSATION_DUE)));
        complete(task(TASK_CLOSING_CONVERSATION, pi));
        execute(job(TASK_RESTORE_BUDDY_CAPACITY, pi));
        execute(job(TASK_SEND_EVALUATION_LINK, pi));
        assertThat(pi).isWaitingAt(TASK_AWAIT_PARENT_EVALUATION, TASK_BUDDY_EVALUATION, EVENT_RETENTION_OVER);
        return pi;
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
    }

    private void fire(Job timer) {
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    private void parentEvaluates(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(Messages.PARENT_EVALUATION_RECEIVED).processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
    }

    private void buddyEvaluatesAndIsThanked(ProcessInstance pi) {
        assertThat(task(TASK_BUDDY_EVALUATION, pi)).isAssignedTo(BUDDY).hasFormKey(Forms.BUDDY_EVALUATION);
        complete(task(TASK_BUDDY_EVALUATION, pi));
        thank(pi);
    }

    private void thank(ProcessInstance pi) {
        assertThat(task(TASK_APPRECIATION, pi)).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.APPRECIATION);
        complete(task(TASK_APPRECIATION, pi));
    }

    private Object parentEvaluationReceived(ProcessInstance pi) {
        return runtimeService().getVariable(pi.getId(), Variables.PARENT_EVALUATION_RECEIVED);
    }

    private void anonymise(ProcessInstance pi) {
        fire(timer(pi, EVENT_RETENTION_OVER));
        execute(job(TASK_ANONYMISE_CASE, pi));
        assertThat(pi).hasPassed(EVENT_CASE_ANONYMISED).isEnded();
    }

    @Test
    void both_evaluate_the_buddy_is_thanked_and_the_case_is_anonymised_twelve_months_after_closure() {
        ProcessInstance pi = evaluating();
        assertThat(timer(pi, EVENT_RETENTION_OVER).getDuedate().toInstant())
                .isEqualTo(start.atZone(ZoneId.systemDefault()).plusMonths(12).toInstant());
        assertThat(task(TASK_BUDDY_EVALUATION, pi)).hasDueDate(Date.from(start.plus(TestClosureDeadlines.BUDDY_EVALUATION_DUE)));
        assertThat(parentEvaluationReceived(pi)).isEqualTo(false);

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(5))));
        parentEvaluates(pi);
        assertThat(parentEvaluationReceived(pi)).isEqualTo(true);
        buddyEvaluatesAndIsThanked(pi);

        assertThat(pi).isWaitingAt(EVENT_RETENTION_OVER);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
                .as("only the retention timer is left").isEqualTo(1);
        anonymise(pi);
        assertThat(calls).containsExactly(Beans.RESTORE_BUDDY_CAPACITY, Beans.SEND_PARENT_EVALUATION_LINK, Beans.ANONYMISE_CASE);
    }

    @Test
    void the_buddy_is_back_in_the_pool_right_after_the_closing_conversation() {
        ProcessInstance pi = close();
        complete(task(TASK_CLOSING_CONVERSATION, pi));

        execute(job(TASK_RESTORE_BUDDY_CAPACITY, pi));

        assertThat(calls).containsExactly(Beans.RESTORE_BUDDY_CAPACITY);
        assertThat(pi).isWaitingAt(TASK_SEND_EVALUATION_LINK, TASK_BUDDY_EVALUATION, EVENT_RETENTION_OVER);
    }

    @Test
    void the_parent_is_reminded_once_after_three_weeks_and_can_still_evaluate() {
        ProcessInstance pi = evaluating();
        Job reminder = timer(pi, EVENT_PARENT_REMINDER_DUE);
        assertThat(Duration.between(start, reminder.getDuedate().toInstant())).isEqualTo(Duration.ofDays(21));

        fire(reminder);
        execute(job(TASK_REMIND_PARENT, pi));

        assertThat(pi).hasPassed(EVENT_PARENT_REMINDED).isWaitingAt(TASK_AWAIT_PARENT_EVALUATION);
        assertThat(timer(pi, EVENT_PARENT_REMINDER_DUE)).as("one reminder only").isNull();
        parentEvaluates(pi);
        assertThat(parentEvaluationReceived(pi)).isEqualTo(true);
        assertThat(timer(pi, EVENT_EVALUATION_LINK_EXPIRES)).isNull();
        assertThat(calls).containsExactly(Beans.RESTORE_BUDDY_CAPACITY, Beans.SEND_PARENT_EVALUATION_LINK, Beans.REMIND_PARENT_EVALUATION);
    }

    @Test
    void without_an_answer_the_link_expires_after_six_weeks_and_the_closure_goes_on() {
        ProcessInstance pi = evaluating();
        buddyEvaluatesAndIsThanked(pi);
        fire(timer(pi, EVENT_PARENT_REMINDER_DUE));
        execute(job(TASK_REMIND_PARENT, pi));

        Job expiry = timer(pi, EVENT_EVALUATION_LINK_EXPIRES);
        assertThat(Duration.between(start, expiry.getDuedate().toInstant())).isEqualTo(Duration.ofDays(42));
        fire(expiry);
        execute(job(TASK_EXPIRE_EVALUATION_LINK, pi));

        assertThat(parentEvaluationReceived(pi)).isEqualTo(false);
        assertThat(pi).hasPassed(GATEWAY_PARENT_EVALUATION_DONE, GATEWAY_EVALUATION_JOIN).isWaitingAt(EVENT_RETENTION_OVER);
        assertThatThrownBy(() -> parentEvaluates(pi)).as("an expired link no longer counts")
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        anonymise(pi);
        assertThat(calls).containsExactly(Beans.RESTORE_BUDDY_CAPACITY, Beans.SEND_PARENT_EVALUATION_LINK,
                Beans.REMIND_PARENT_EVALUATION, Beans.EXPIRE_EVALUATION_LINK, Beans.ANONYMISE_CASE);
    }

    @Test
    void a_buddy_evaluation_not_filled_in_lapses_and_the_coordinator_still_thanks_the_buddy() {
        ProcessInstance pi = evaluating();
        parentEvaluates(pi);
        Job overdue = timer(pi, EVENT_BUDDY_EVALUATION_OVERDUE);
        assertThat(Duration.between(start, overdue.getDuedate().toInstant())).isEqualTo(Duration.ofDays(28));

        fire(overdue);

        assertThat(pi).hasPassed(EVENT_BUDDY_EVALUATION_OVERDUE, GATEWAY_BUDDY_EVALUATION_DONE).isWaitingAt(TASK_APPRECIATION);
        thank(pi);
        anonymise(pi);
    }

    @Test
    void when_the_retention_period_is_over_before_the_closing_work_the_case_is_anonymised_once_the_work_is_done() {
        ProcessInstance pi = evaluating();
        parentEvaluates(pi);
        fire(timer(pi, EVENT_RETENTION_OVER));
        assertThat(pi).isWaitingAt(GATEWAY_CLOSURE_JOIN, TASK_BUDDY_EVALUATION);
        assertThat(calls).doesNotContain(Beans.ANONYMISE_CASE);

        buddyEvaluatesAndIsThanked(pi);
        execute(job(TASK_ANONYMISE_CASE, pi));

        assertThat(pi).hasPassed(GATEWAY_CLOSURE_JOIN, EVENT_CASE_ANONYMISED).isEnded();
    }
}
