package nl.steunpunt.buddy.processes;

import static nl.steunpunt.buddy.processes.IntervisieProcess.*;
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

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of intervisie: a session planned, held and recorded; missed twice (check-in beside the next
 * planning); exchange meetings without the rule; moved and cancelled sessions; the group closed while planning,
 * while waiting, with a check-in still open, and refused between session and record.
 */
@Deployment(resources = "processes/IntervisieProcess.bpmn")
class IntervisieProcessTest {

    private static final String FACILITATORS = "facilitator-VO-2701";
    private static final String COORDINATORS = "coordinator-VO-2701";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final Instant start = Instant.parse("2026-09-01T09:00:00Z");
    private final TestIntervisieDeadlines deadlines = new TestIntervisieDeadlines();
    private final List<String> calls = new ArrayList<>();
    private final List<Integer> missedTwice = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        Mocks.register(Beans.DEADLINES, deadlines);
        Mocks.register(Beans.RECORD_ATTENDANCE, (JavaDelegate) execution -> {
            calls.add(execution.getVariable(Variables.SESSION_ID) + "");
            execution.setVariable(Variables.MISSED_TWICE_COUNT, missedTwice.isEmpty() ? 0 : missedTwice.remove(0));
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance startGroup(String kind) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, "IV-VO-2701-1",
                Map.of(Variables.GROUP_ID, "0d1e2f30-0000-4000-8000-000000000001", Variables.REGION_CODE, "VO-2701",
                        Variables.SESSION_KIND, kind));
        assertThat(pi).isWaitingAt(TASK_PLAN_SESSION);
        return pi;
    }

    private Job timer(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(EVENT_SESSION_HELD)
                .singleResult();
    }

    /** The facilitator plans a session ending at the given moment, the session passes and she records it. */
    private void holdSession(ProcessInstance pi, String sessionId, Instant endsAt) {
        deadlines.session(sessionId, endsAt);
        complete(task(TASK_PLAN_SESSION, pi), withVariables(Variables.SESSION_ID, sessionId));
        assertThat(pi).isWaitingAt(GATEWAY_UNTIL_SESSION);
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(endsAt));
        ClockUtil.setCurrentTime(Date.from(endsAt));
        execute(timer(pi));
        Task record = task(TASK_RECORD_SESSION, pi);
        assertThat(record).hasCandidateGroup(FACILITATORS).hasFormKey(Forms.RECORD_INTERVISIE)
                .hasDueDate(Date.from(endsAt.plus(TestIntervisieDeadlines.RECORD_DUE)));
        complete(record);
        execute(job(TASK_PROCESS_ATTENDANCE, pi));
    }

    private void correlate(ProcessInstance pi, String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(pi.getBusinessKey()).correlate();
    }

    @Test
    void the_facilitator_plans_holds_and_records_a_session_and_then_plans_the_next_one() {
        ProcessInstance pi = startGroup(SessionKinds.INTERVISIE);
        assertThat(task(TASK_PLAN_SESSION, pi)).hasCandidateGroup(FACILITATORS).hasFormKey(Forms.PLAN_INTERVISIE)
                .hasDueDate(Date.from(start.plus(TestIntervisieDeadlines.PLANNING_DUE)));

        holdSession(pi, "session-1", Instant.parse("2026-10-13T21:30:00Z"));

        assertThat(pi).hasPassed(GATEWAY_MISSED_TWICE).hasNotPassed(TASK_CHECK_IN_AFTER_MISSED).isWaitingAt(TASK_PLAN_SESSION);
        holdSession(pi, "session-2", Instant.parse("2026-11-24T21:30:00Z"));
        assertThat(calls).containsExactly("session-1", "session-2");
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_CHECK_IN_AFTER_MISSED).count()).isZero();
    }

    @Test
    void buddies_who_missed_two_sessions_in_a_row_get_a_coordinator_check_in_beside_the_next_planning() {
        missedTwice.add(2);
        ProcessInstance pi = startGroup(SessionKinds.INTERVISIE);
        Instant ends = Instant.parse("2026-10-13T21:30:00Z");

        holdSession(pi, "session-1", ends);

        assertThat(pi).isWaitingAt(TASK_PLAN_SESSION, TASK_CHECK_IN_AFTER_MISSED);
        Task checkIn = task(TASK_CHECK_IN_AFTER_MISSED, pi);
        assertThat(checkIn).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.INTERVISIE_CHECK_IN)
                .hasDueDate(Date.from(ends.plus(TestIntervisieDeadlines.CHECK_IN_DUE)));

        deadlines.session("session-2", Instant.parse("2026-11-24T21:30:00Z"));
        complete(task(TASK_PLAN_SESSION, pi), withVariables(Variables.SESSION_ID, "session-2"));
        assertThat(engine.getTaskService().getVariable(checkIn.getId(), Variables.SESSION_ID))
                .as("the check-in keeps the session it is about").isEqualTo("session-1");
        assertThat(engine.getTaskService().getVariable(checkIn.getId(), Variables.MISSED_TWICE_COUNT)).isEqualTo(2);

        complete(checkIn);
        assertThat(pi).hasPassed(EVENT_CHECK_INS_DONE).isWaitingAt(GATEWAY_UNTIL_SESSION);
    }

    @Test
    void exchange_meetings_are_planned_the_same_way_but_missing_them_brings_no_check_in() {
        missedTwice.add(3);
        ProcessInstance pi = startGroup(SessionKinds.EXCHANGE);

        holdSession(pi, "exchange-1", Instant.parse("2026-10-13T21:30:00Z"));

        assertThat(pi).isWaitingAt(TASK_PLAN_SESSION).hasNotPassed(TASK_CHECK_IN_AFTER_MISSED);
        assertThat(calls).containsExactly("exchange-1");
    }

    @Test
    void a_moved_session_recalculates_the_wait_and_a_cancelled_one_goes_back_to_planning() {
        ProcessInstance pi = startGroup(SessionKinds.INTERVISIE);
        deadlines.session("session-1", Instant.parse("2026-10-13T21:30:00Z"));
        complete(task(TASK_PLAN_SESSION, pi), withVariables(Variables.SESSION_ID, "session-1"));

        Instant moved = Instant.parse("2026-10-20T21:30:00Z");
        deadlines.session("session-1", moved);
        correlate(pi, Messages.SESSION_RESCHEDULED);
        assertThat(pi).hasPassed(EVENT_SESSION_RESCHEDULED).isWaitingAt(GATEWAY_UNTIL_SESSION);
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(moved));

        correlate(pi, Messages.SESSION_CANCELLED);
        assertThat(pi).hasPassed(EVENT_SESSION_CANCELLED).isWaitingAt(TASK_PLAN_SESSION);
        assertThat(timer(pi)).isNull();
        holdSession(pi, "session-2", Instant.parse("2026-10-27T21:30:00Z"));
        assertThat(calls).containsExactly("session-2");
    }

    @Test
    void the_group_is_closed_while_a_session_is_planned_or_awaited() {
        ProcessInstance whilePlanning = startGroup(SessionKinds.INTERVISIE);
        correlate(whilePlanning, Messages.GROUP_CLOSED);
        assertThat(whilePlanning).hasPassed(EVENT_GROUP_CLOSED_WHILE_PLANNING, EVENT_GROUP_CLOSED).isEnded();

        ProcessInstance whileWaiting = runtimeService().startProcessInstanceByKey(PROCESS_ID, "IV-VO-2701-2",
                Map.of(Variables.GROUP_ID, "g-2", Variables.REGION_CODE, "VO-2701", Variables.SESSION_KIND, SessionKinds.INTERVISIE));
        deadlines.session("session-1", Instant.parse("2026-10-13T21:30:00Z"));
        complete(task(TASK_PLAN_SESSION, whileWaiting), withVariables(Variables.SESSION_ID, "session-1"));
        correlate(whileWaiting, Messages.GROUP_CLOSED);
        assertThat(whileWaiting).hasPassed(EVENT_GROUP_CLOSED_BEFORE_SESSION, EVENT_GROUP_CLOSED).isEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(whileWaiting.getId()).count()).isZero();
    }

    @Test
    void closing_the_group_leaves_an_open_check_in_to_be_finished() {
        missedTwice.add(1);
        ProcessInstance pi = startGroup(SessionKinds.INTERVISIE);
        holdSession(pi, "session-1", Instant.parse("2026-10-13T21:30:00Z"));

        correlate(pi, Messages.GROUP_CLOSED);

        assertThat(pi).hasPassed(EVENT_GROUP_CLOSED).isWaitingAt(TASK_CHECK_IN_AFTER_MISSED).isNotEnded();
        complete(task(TASK_CHECK_IN_AFTER_MISSED, pi));
        assertThat(pi).isEnded();
    }

    @Test
    void the_group_cannot_be_closed_between_a_session_and_its_record() {
        ProcessInstance pi = startGroup(SessionKinds.INTERVISIE);
        Instant ends = Instant.parse("2026-10-13T21:30:00Z");
        deadlines.session("session-1", ends);
        complete(task(TASK_PLAN_SESSION, pi), withVariables(Variables.SESSION_ID, "session-1"));
        ClockUtil.setCurrentTime(Date.from(ends));
        execute(timer(pi));

        assertThatThrownBy(() -> correlate(pi, Messages.GROUP_CLOSED)).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAt(TASK_RECORD_SESSION);
    }

    @Test
    void a_session_can_be_rescheduled_or_cancelled_only_while_it_is_awaited() {
        ProcessInstance pi = startGroup(SessionKinds.INTERVISIE);
        assertThatThrownBy(() -> correlate(pi, Messages.SESSION_RESCHEDULED)).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThatThrownBy(() -> correlate(pi, Messages.SESSION_CANCELLED)).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAt(TASK_PLAN_SESSION);
        assertThat(Duration.between(start, task(TASK_PLAN_SESSION, pi).getDueDate().toInstant()))
                .isEqualTo(TestIntervisieDeadlines.PLANNING_DUE);
    }
}
