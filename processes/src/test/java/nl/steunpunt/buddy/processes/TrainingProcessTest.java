package nl.steunpunt.buddy.processes;

import static nl.steunpunt.buddy.processes.TrainingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

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

/** Every path of scholing: missed session, no progress, partial sign-off, refresher kept, refresher missed. */
@Deployment(resources = "processes/TrainingProcess.bpmn")
class TrainingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final Instant start = Instant.parse("2026-04-01T09:00:00Z");
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        Mocks.register(Beans.DEADLINES, new TestTrainingDeadlines());
        for (String bean : List.of(Beans.CERTIFY, Beans.RECORD_REFRESHER, Beans.EXPIRE_QUALIFICATION)) {
            Mocks.register(bean, (JavaDelegate) execution -> calls.add(bean));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance enrol() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, "AANM-2026-0001",
                Map.of(Variables.TRAINEE_ID, "8c5a3a57-1111-4a1d-9d53-5f0f9d2c0001", Variables.REGION_CODE, "PO-2605"));
        assertThat(pi).isWaitingAt(TASK_ATTEND_MODULES);
        return pi;
    }

    private void correlate(ProcessInstance pi, String message) {
        runtimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).correlate();
    }

    private ProcessInstance certified() {
        ProcessInstance pi = enrol();
        correlate(pi, Messages.MODULES_COMPLETED);
        complete(task(pi), withVariables(Variables.ALL_MET, true));
        execute(job(TASK_CERTIFY, pi));
        assertThat(pi).isWaitingAt(GATEWAY_REFRESHER);
        return pi;
    }

    @Test
    void a_missed_session_asks_the_coordinator_for_a_make_up_and_training_goes_on() {
        ProcessInstance pi = enrol();

        correlate(pi, Messages.SESSION_MISSED);

        assertThat(pi).isWaitingAt(TASK_ATTEND_MODULES, TASK_PLAN_MAKE_UP);
        assertThat(task(TASK_PLAN_MAKE_UP, pi)).hasCandidateGroup("coordinator-PO-2605").hasFormKey(Forms.PLAN_MAKE_UP);
        complete(task(TASK_PLAN_MAKE_UP, pi));
        correlate(pi, Messages.SESSION_MISSED);
        assertThat(task(TASK_PLAN_MAKE_UP, pi)).isNotNull();
        assertThat(pi).isWaitingAt(TASK_ATTEND_MODULES);
    }

    @Test
    void no_progress_for_weeks_escalates_to_the_coordinator() {
        ProcessInstance pi = enrol();
        Job noProgress = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(EVENT_NO_PROGRESS).singleResult();
        assertThat(Duration.between(start, noProgress.getDuedate().toInstant())).isEqualTo(Duration.ofDays(42));

        execute(noProgress);

        assertThat(task(TASK_CHECK_PROGRESS, pi)).hasCandidateGroup("coordinator-PO-2605").hasFormKey(Forms.CHECK_TRAINING_PROGRESS);
        assertThat(pi).isWaitingAt(TASK_ATTEND_MODULES, TASK_CHECK_PROGRESS);
    }

    @Test
    void when_all_modules_are_attended_a_trainer_of_the_region_signs_off() {
        ProcessInstance pi = enrol();

        correlate(pi, Messages.MODULES_COMPLETED);

        assertThat(task(pi)).hasDefinitionKey(TASK_SIGN_OFF).hasCandidateGroup("trainer-PO-2605").hasFormKey(Forms.SIGN_OFF)
                .hasDueDate(Date.from(start.plus(TestTrainingDeadlines.SIGN_OFF)));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    }

    @Test
    void a_partial_sign_off_brings_another_round_before_certification() {
        ProcessInstance pi = enrol();
        correlate(pi, Messages.MODULES_COMPLETED);

        complete(task(pi), withVariables(Variables.ALL_MET, false));
        assertThat(pi).isWaitingAt(TASK_SIGN_OFF);
        assertThat(calls).isEmpty();

        complete(task(pi), withVariables(Variables.ALL_MET, true));
        execute(job(TASK_CERTIFY, pi));
        assertThat(calls).containsExactly(Beans.CERTIFY);
    }

    @Test
    void a_refresher_in_time_keeps_the_qualification_for_another_year() {
        ProcessInstance pi = certified();
        Job deadline = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(Duration.between(start, deadline.getDuedate().toInstant())).isEqualTo(Duration.ofDays(365));

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(300))));
        correlate(pi, Messages.REFRESHER_COMPLETED);
        execute(job(TASK_RECORD_REFRESHER, pi));

        assertThat(pi).isWaitingAt(GATEWAY_REFRESHER).isNotEnded();
        Job next = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(Duration.between(start.plus(Duration.ofDays(300)), next.getDuedate().toInstant())).isEqualTo(Duration.ofDays(365));
        assertThat(calls).containsExactly(Beans.CERTIFY, Beans.RECORD_REFRESHER);
    }

    @Test
    void a_missed_refresher_lets_the_qualification_expire() {
        ProcessInstance pi = certified();
        Job deadline = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();

        execute(deadline);
        execute(job(TASK_EXPIRE_QUALIFICATION, pi));

        assertThat(pi).hasPassed(EVENT_REFRESHER_MISSED, EVENT_QUALIFICATION_EXPIRED).hasNotPassed(EVENT_REFRESHER_COMPLETED).isEnded();
        assertThat(calls).containsExactly(Beans.CERTIFY, Beans.EXPIRE_QUALIFICATION);
    }
}
