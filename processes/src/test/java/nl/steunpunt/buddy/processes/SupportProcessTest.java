package nl.steunpunt.buddy.processes;

import static nl.steunpunt.buddy.processes.SupportProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
 * Every path of begeleiding: check-in cycle, school meetings (prepared, not prepared, several, cancelled,
 * moved), concerns, review with at most two extensions, closure with open side paths, early end.
 */
@Deployment(resources = "processes/SupportProcess.bpmn")
class SupportProcessTest {

    private static final String BUDDY = "buddy.utrecht";
    private static final String COORDINATORS = "coordinator-PO-2605";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final Instant start = Instant.parse("2026-05-04T09:00:00Z");
    private final TestSupportDeadlines deadlines = new TestSupportDeadlines();
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        Mocks.register(Beans.DEADLINES, deadlines);
        Mocks.register(Beans.EXTEND_MATCH, (JavaDelegate) execution -> calls.add(Beans.EXTEND_MATCH));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance activate() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, "HULP-2026-0001",
                Map.of(Variables.MATCH_ID, "5b0e7f0e-0000-4000-8000-000000000001",
                        Variables.HELP_REQUEST_ID, "c0a80101-0000-4000-8000-000000000001",
                        Variables.REGION_CODE, "PO-2605", Variables.BUDDY_USER_ID, BUDDY));
        assertThat(pi).isWaitingAt(EVENT_REVIEW_DUE);
        return pi;
    }

    private List<Job> timers(ProcessInstance pi, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .orderByJobDuedate().asc().list();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        List<Job> timers = timers(pi, activityId);
        assertThat(timers).as(activityId).hasSize(1);
        return timers.get(0);
    }

    /** Moves the clock to the timer's due date and fires it, as the job executor would. */
    private void fire(Job timer) {
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    private List<Task> tasks(ProcessInstance pi, String taskKey) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
    }

    private void planMeeting(ProcessInstance pi, String meetingId, Instant startsAt) {
        deadlines.meeting(meetingId, startsAt);
        runtimeService().createMessageCorrelation(Messages.SCHOOL_MEETING_PLANNED).processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable(Variables.MEETING_ID, org.camunda.bpm.engine.variable.Variables.stringValue(meetingId, true)).correlate();
    }

    private void cancelMeeting(ProcessInstance pi, String meetingId) {
        runtimeService().createMessageCorrelation(Messages.SCHOOL_MEETING_CANCELLED).processInstanceBusinessKey(pi.getBusinessKey())
                .localVariableEquals(Variables.MEETING_ID, meetingId).correlate();
    }

    private void raiseConcern(ProcessInstance pi, String concernId) {
        runtimeService().createMessageCorrelation(Messages.CONCERN_RAISED).processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable(Variables.CONCERN_ID, org.camunda.bpm.engine.variable.Variables.stringValue(concernId, true)).correlate();
    }

    private static Instant plusDays(Instant instant, int days) {
        return instant.atZone(ZoneId.systemDefault()).plusDays(days).toInstant();
    }

    private static Instant plusMonths(Instant instant, int months) {
        return instant.atZone(ZoneId.systemDefault()).plusMonths(months).toInstant();
    }

    private void assertNothingLeft(ProcessInstance pi) {
        assertThat(pi).isEnded();
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void a_new_match_waits_for_the_review_after_six_months_and_listens_for_meetings_concerns_and_an_early_end() {
        ProcessInstance pi = activate();

        assertThat(timer(pi, EVENT_REVIEW_DUE).getDuedate().toInstant()).isEqualTo(plusMonths(start, 6));
        assertThat(timer(pi, EVENT_CHECK_IN_DUE).getDuedate().toInstant()).isEqualTo(start.plus(TestSupportDeadlines.FIRST_CHECK_IN));
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).list())
                .extracting(s -> s.getEventName())
                .containsExactlyInAnyOrder(Messages.SCHOOL_MEETING_PLANNED, Messages.CONCERN_RAISED, Messages.MATCH_ENDED_EARLY);
        assertThat(runtimeService().getVariable(pi.getId(), Variables.EXTENSIONS)).isEqualTo(0L);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void the_coordinator_checks_in_after_two_weeks_and_then_every_six_weeks() {
        ProcessInstance pi = activate();
        Instant first = start.plus(TestSupportDeadlines.FIRST_CHECK_IN);

        fire(timer(pi, EVENT_CHECK_IN_DUE));

        Task checkIn = task(TASK_CHECK_IN, pi);
        assertThat(checkIn).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.CHECK_IN)
                .hasDueDate(Date.from(first.plus(TestSupportDeadlines.CHECK_IN_DUE)));
        Instant second = plusDays(first, 42);
        assertThat(timer(pi, EVENT_CHECK_IN_DUE).getDuedate().toInstant()).isEqualTo(second);

        fire(timer(pi, EVENT_CHECK_IN_DUE));
        assertThat(tasks(pi, TASK_CHECK_IN)).as("an overdue check-in stays beside the next one").hasSize(2);
        assertThat(timer(pi, EVENT_CHECK_IN_DUE).getDuedate().toInstant()).isEqualTo(plusDays(second, 42));

        tasks(pi, TASK_CHECK_IN).forEach(t -> complete(t));
        assertThat(pi).isWaitingAt(EVENT_REVIEW_DUE).isNotEnded();
        assertThat(tasks(pi, TASK_CHECK_IN)).isEmpty();
    }

    @Test
    void a_school_meeting_brings_the_buddy_a_preparation_two_days_before_and_a_follow_up_after() {
        ProcessInstance pi = activate();
        Instant meeting = Instant.parse("2026-05-20T13:00:00Z");

        planMeeting(pi, "meeting-1", meeting);

        assertThat(runtimeService().getVariableLocal(pi.getId(), Variables.MEETING_ID))
                .as("the meeting ID stays in its own path").isNull();
        assertThat(timer(pi, EVENT_PREPARE_MEETING_DUE).getDuedate().toInstant()).isEqualTo(meeting.minus(Duration.ofDays(2)));
        fire(timer(pi, EVENT_PREPARE_MEETING_DUE));

        Task prepare = task(TASK_PREPARE_SCHOOL_MEETING, pi);
        assertThat(prepare).isAssignedTo(BUDDY).hasFormKey(Forms.PREPARE_SCHOOL_MEETING).hasDueDate(Date.from(meeting));
        assertThat(engine.getTaskService().getVariable(prepare.getId(), Variables.MEETING_ID)).isEqualTo("meeting-1");
        complete(prepare);

        assertThat(timer(pi, EVENT_MEETING_OVER).getDuedate().toInstant()).isEqualTo(meeting.plus(TestSupportDeadlines.MEETING_LENGTH));
        fire(timer(pi, EVENT_MEETING_OVER));
        Task followUp = task(TASK_FOLLOW_UP_SCHOOL_MEETING, pi);
        assertThat(followUp).isAssignedTo(BUDDY).hasFormKey(Forms.FOLLOW_UP_SCHOOL_MEETING)
                .hasDueDate(Date.from(meeting.plus(TestSupportDeadlines.MEETING_LENGTH).plus(TestSupportDeadlines.FOLLOW_UP_DUE)));
        complete(followUp);

        assertThat(pi).hasPassed(EVENT_SCHOOL_MEETING_DONE).isWaitingAt(EVENT_REVIEW_DUE);
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName(Messages.SCHOOL_MEETING_CANCELLED).count()).isZero();
    }

    @Test
    void when_the_meeting_starts_before_the_buddy_prepared_the_preparation_lapses_and_the_follow_up_still_comes() {
        ProcessInstance pi = activate();
        Instant meeting = Instant.parse("2026-05-20T13:00:00Z");
        planMeeting(pi, "meeting-1", meeting);
        fire(timer(pi, EVENT_PREPARE_MEETING_DUE));

        assertThat(timer(pi, EVENT_MEETING_STARTED).getDuedate().toInstant()).isEqualTo(meeting);
        fire(timer(pi, EVENT_MEETING_STARTED));

        assertThat(tasks(pi, TASK_PREPARE_SCHOOL_MEETING)).isEmpty();
        fire(timer(pi, EVENT_MEETING_OVER));
        complete(task(TASK_FOLLOW_UP_SCHOOL_MEETING, pi));
        assertThat(pi).hasPassed(EVENT_MEETING_STARTED, GATEWAY_MEETING_HELD, EVENT_SCHOOL_MEETING_DONE);
    }

    @Test
    void several_meetings_run_side_by_side_and_a_cancelled_or_moved_one_ends_alone() {
        ProcessInstance pi = activate();
        Instant first = Instant.parse("2026-05-20T13:00:00Z");
        Instant second = Instant.parse("2026-06-10T10:00:00Z");
        planMeeting(pi, "meeting-1", first);
        planMeeting(pi, "meeting-2", second);
        assertThat(timers(pi, EVENT_PREPARE_MEETING_DUE)).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(first.minus(Duration.ofDays(2)), second.minus(Duration.ofDays(2)));

        fire(timers(pi, EVENT_PREPARE_MEETING_DUE).get(0));
        cancelMeeting(pi, "meeting-1");
        assertThat(tasks(pi, TASK_PREPARE_SCHOOL_MEETING)).as("the first meeting's preparation is gone").isEmpty();
        assertThat(pi).hasPassed(EVENT_SCHOOL_MEETING_DROPPED);
        assertThat(timers(pi, EVENT_PREPARE_MEETING_DUE)).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(second.minus(Duration.ofDays(2)));

        Instant moved = Instant.parse("2026-06-17T10:00:00Z");
        cancelMeeting(pi, "meeting-2");
        planMeeting(pi, "meeting-2", moved);
        assertThat(timer(pi, EVENT_PREPARE_MEETING_DUE).getDuedate().toInstant()).isEqualTo(moved.minus(Duration.ofDays(2)));

        fire(timer(pi, EVENT_PREPARE_MEETING_DUE));
        assertThat(engine.getTaskService().getVariable(task(TASK_PREPARE_SCHOOL_MEETING, pi).getId(), Variables.MEETING_ID))
                .isEqualTo("meeting-2");
        cancelMeeting(pi, "meeting-2");
        assertThat(pi).isWaitingAt(EVENT_REVIEW_DUE);
        assertThat(tasks(pi, TASK_PREPARE_SCHOOL_MEETING)).isEmpty();
        assertThat(timers(pi, EVENT_PREPARE_MEETING_DUE)).isEmpty();
    }

    @Test
    void every_concern_the_buddy_raises_brings_the_coordinator_a_task_within_a_working_day() {
        ProcessInstance pi = activate();

        raiseConcern(pi, "concern-1");
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(5))));
        raiseConcern(pi, "concern-2");

        List<Task> concerns = tasks(pi, TASK_DISCUSS_CONCERN);
        assertThat(concerns).hasSize(2);
        assertThat(concerns.get(0)).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.DISCUSS_CONCERN)
                .hasDueDate(Date.from(start.plus(TestSupportDeadlines.CONCERN_DUE)));
        assertThat(concerns.get(1)).hasDueDate(Date.from(start.plus(Duration.ofDays(5)).plus(TestSupportDeadlines.CONCERN_DUE)));
        assertThat(concerns).extracting(t -> engine.getTaskService().getVariable(t.getId(), Variables.CONCERN_ID))
                .containsExactly("concern-1", "concern-2");
        assertThat(runtimeService().getVariableLocal(pi.getId(), Variables.CONCERN_ID)).isNull();

        concerns.forEach(t -> complete(t));
        assertThat(pi).hasPassed(EVENT_CONCERN_RAISED, TASK_DISCUSS_CONCERN).isWaitingAt(EVENT_REVIEW_DUE);
    }

    @Test
    void the_review_after_six_months_extends_by_three_months_at_most_twice_and_then_closes() {
        ProcessInstance pi = activate();
        fire(timer(pi, EVENT_REVIEW_DUE));
        Instant review = plusMonths(start, 6);
        assertThat(task(TASK_REVIEW_MATCH, pi)).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.REVIEW_MATCH)
                .hasDueDate(Date.from(review.plus(TestSupportDeadlines.REVIEW_DUE)));

        for (int extension = 1; extension <= 2; extension++) {
            complete(task(TASK_REVIEW_MATCH, pi), withVariables(Variables.EXTEND, true));
            assertThat(runtimeService().getVariable(pi.getId(), Variables.EXTENSIONS)).isEqualTo((long) extension);
            execute(job(TASK_EXTEND_MATCH, pi));
            assertThat(timer(pi, EVENT_EXTENSION_OVER).getDuedate().toInstant())
                    .isEqualTo(plusMonths(ClockUtil.getCurrentTime().toInstant(), 3));
            fire(timer(pi, EVENT_EXTENSION_OVER));
            assertThat(pi).isWaitingAt(TASK_REVIEW_MATCH);
        }

        complete(task(TASK_REVIEW_MATCH, pi), withVariables(Variables.EXTEND, true));

        assertThat(pi).as("no third extension").hasPassed(EVENT_SUPPORT_ENDED);
        assertNothingLeft(pi);
        assertThat(calls).containsExactly(Beans.EXTEND_MATCH, Beans.EXTEND_MATCH);
    }

    @Test
    void closing_at_the_review_ends_open_check_ins_meetings_and_concerns() {
        ProcessInstance pi = activate();
        fire(timer(pi, EVENT_CHECK_IN_DUE));
        raiseConcern(pi, "concern-1");
        fire(timer(pi, EVENT_REVIEW_DUE));
        planMeeting(pi, "meeting-1", ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)));

        complete(task(TASK_REVIEW_MATCH, pi), withVariables(Variables.EXTEND, false));

        assertThat(pi).hasPassed(EVENT_SUPPORT_ENDED).hasNotPassed(TASK_EXTEND_MATCH);
        assertNothingLeft(pi);
        assertThat(calls).isEmpty();
    }

    @Test
    void parent_or_buddy_can_end_the_match_early_whatever_is_open() {
        ProcessInstance duringSupport = activate();
        fire(timer(duringSupport, EVENT_CHECK_IN_DUE));
        raiseConcern(duringSupport, "concern-1");
        planMeeting(duringSupport, "meeting-1", ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)));
        fire(timer(duringSupport, EVENT_PREPARE_MEETING_DUE));
        endEarly(duringSupport);

        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance duringExtension = runtimeService().startProcessInstanceByKey(PROCESS_ID, "HULP-2026-0002",
                Map.of(Variables.MATCH_ID, "m-2", Variables.HELP_REQUEST_ID, "h-2", Variables.REGION_CODE, "PO-2605",
                        Variables.BUDDY_USER_ID, BUDDY));
        fire(timer(duringExtension, EVENT_REVIEW_DUE));
        complete(task(TASK_REVIEW_MATCH, duringExtension), withVariables(Variables.EXTEND, true));
        execute(job(TASK_EXTEND_MATCH, duringExtension));
        endEarly(duringExtension);
    }

    private void endEarly(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(Messages.MATCH_ENDED_EARLY).processInstanceBusinessKey(pi.getBusinessKey()).correlate();
        assertThat(pi).hasPassed(EVENT_MATCH_ENDED_EARLY, EVENT_ENDED_EARLY).hasNotPassed(EVENT_SUPPORT_ENDED);
        assertNothingLeft(pi);
    }
}
