package nl.steunpunt.buddy.processes;

import static nl.steunpunt.buddy.processes.MatchingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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

/** Every path of hulpvraag en koppeling: accept, decline chain, time-out, escalation, waiting list, withdrawal. */
@Deployment(resources = "processes/MatchingProcess.bpmn")
class MatchingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final List<String> calls = new ArrayList<>();
    private final List<Boolean> availability = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-04T09:00:00Z")));
        Mocks.register(Beans.DEADLINES, new TestMatchingDeadlines());
        Mocks.register(Beans.RANK_CANDIDATES, (JavaDelegate) execution -> {
            calls.add(Beans.RANK_CANDIDATES);
            execution.setVariable(Variables.CANDIDATES_AVAILABLE, availability.isEmpty() || availability.remove(0));
        });
        Mocks.register(Beans.RECORD_DECLINE, (JavaDelegate) execution -> {
            calls.add(Beans.RECORD_DECLINE);
            Integer declines = (Integer) execution.getVariable(Variables.DECLINE_COUNT);
            execution.setVariable(Variables.DECLINE_COUNT, declines == null ? 1 : declines + 1);
        });
        for (String bean : List.of(Beans.PLACE_ON_WAITING_LIST, Beans.REMIND_FIRST_CONTACT, Beans.ACTIVATE_MATCH,
                Beans.RECORD_REQUEST_WITHDRAWAL)) {
            Mocks.register(bean, (JavaDelegate) execution -> calls.add(bean));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance request() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, "HULP-2026-0001",
                Map.of(Variables.HELP_REQUEST_ID, "c0a80101-0000-4000-8000-000000000001", Variables.REGION_CODE, "PO-2605"));
        assertThat(pi).isWaitingAt(TASK_INTAKE_REQUEST);
        assertThat(task(pi)).hasCandidateGroup("coordinator-PO-2605").hasFormKey(Forms.INTAKE_REQUEST);
        return pi;
    }

    private void rank(ProcessInstance pi) {
        execute(job(TASK_RANK_CANDIDATES, pi));
    }

    private void propose(ProcessInstance pi, String buddyUser) {
        assertThat(pi).isWaitingAt(TASK_PROPOSE_BUDDY);
        complete(task(TASK_PROPOSE_BUDDY, pi), withVariables(Variables.PROPOSED_BUDDY_USER_ID, buddyUser));
        assertThat(task(TASK_ANSWER_PROPOSAL, pi)).isAssignedTo(buddyUser).hasFormKey(Forms.ANSWER_PROPOSAL);
    }

    @Test
    void an_accepted_proposal_goes_through_first_contact_and_introduction_to_an_active_match() {
        ProcessInstance pi = request();
        complete(task(pi));
        rank(pi);
        propose(pi, "buddy.utrecht");

        complete(task(TASK_ANSWER_PROPOSAL, pi), withVariables(Variables.ACCEPTED, true));
        assertThat(task(pi)).hasDefinitionKey(TASK_FIRST_CONTACT).isAssignedTo("buddy.utrecht");
        complete(task(TASK_FIRST_CONTACT, pi));
        assertThat(task(pi)).hasDefinitionKey(TASK_INTRODUCTION_MEETING).hasCandidateGroup("coordinator-PO-2605");
        complete(task(pi));
        execute(job(TASK_ACTIVATE_MATCH, pi));

        assertThat(pi).hasPassed(EVENT_MATCH_ACTIVE).isEnded();
        assertThat(calls).containsExactly(Beans.RANK_CANDIDATES, Beans.ACTIVATE_MATCH);
    }

    @Test
    void a_decline_or_no_answer_within_three_days_moves_on_to_the_next_candidate() {
        ProcessInstance pi = request();
        complete(task(pi));
        rank(pi);
        propose(pi, "buddy.a");
        complete(task(TASK_ANSWER_PROPOSAL, pi), withVariables(Variables.ACCEPTED, false));
        execute(job(TASK_RECORD_DECLINE, pi));
        rank(pi);
        propose(pi, "buddy.b");

        Job noAnswer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(EVENT_NO_ANSWER).singleResult();
        execute(noAnswer);
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_ANSWER_PROPOSAL).count()).isZero();
        execute(job(TASK_RECORD_DECLINE, pi));
        rank(pi);

        assertThat(pi).isWaitingAt(TASK_PROPOSE_BUDDY);
        assertThat(runtimeService().getVariable(pi.getId(), Variables.DECLINE_COUNT)).isEqualTo(2);
    }

    @Test
    void three_declines_bring_the_coordinator_an_escalation_task_before_the_next_proposal() {
        ProcessInstance pi = request();
        complete(task(pi));
        rank(pi);
        for (int i = 0; i < 3; i++) {
            propose(pi, "buddy." + i);
            complete(task(TASK_ANSWER_PROPOSAL, pi), withVariables(Variables.ACCEPTED, false));
            execute(job(TASK_RECORD_DECLINE, pi));
            if (i < 2) {
                rank(pi);
            }
        }

        assertThat(task(pi)).hasDefinitionKey(TASK_ESCALATE_MATCHING).hasCandidateGroup("coordinator-PO-2605");
        complete(task(pi));
        assertThat(pi).isWaitingAt(TASK_PROPOSE_BUDDY);
    }

    @Test
    void without_a_suitable_buddy_the_request_waits_and_is_re_evaluated_until_one_is_available() {
        availability.add(false);
        availability.add(false);
        availability.add(true);
        ProcessInstance pi = request();
        complete(task(pi));
        rank(pi);
        execute(job(TASK_PLACE_ON_WAITING_LIST, pi));
        assertThat(pi).isWaitingAt(GATEWAY_ON_WAITING_LIST);

        execute(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
        rank(pi);
        execute(job(TASK_PLACE_ON_WAITING_LIST, pi));
        execute(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());
        rank(pi);

        assertThat(pi).isWaitingAt(TASK_PROPOSE_BUDDY);
        assertThat(calls.stream().filter(Beans.RANK_CANDIDATES::equals).count()).isEqualTo(3);
    }

    @Test
    void a_coordinator_proposes_a_buddy_straight_from_the_waiting_list_who_then_answers() {
        availability.add(false);
        ProcessInstance pi = request();
        complete(task(pi));
        rank(pi);
        execute(job(TASK_PLACE_ON_WAITING_LIST, pi));

        runtimeService().createMessageCorrelation(Messages.PROPOSED_FROM_WAITING_LIST).processInstanceId(pi.getId())
                .setVariable(Variables.PROPOSED_BUDDY_USER_ID, "buddy.batch").correlate();

        assertThat(task(TASK_ANSWER_PROPOSAL, pi)).isAssignedTo("buddy.batch").hasFormKey(Forms.ANSWER_PROPOSAL);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(EVENT_REEVALUATE_WAITING_LIST)
                .count()).as("the re-evaluation timer is gone").isZero();
        complete(task(TASK_ANSWER_PROPOSAL, pi), withVariables(Variables.ACCEPTED, true));
        assertThat(pi).isWaitingAt(TASK_FIRST_CONTACT);
    }

    @Test
    void the_buddy_is_reminded_when_first_contact_is_not_made_within_48_hours() {
        ProcessInstance pi = request();
        complete(task(pi));
        rank(pi);
        propose(pi, "buddy.utrecht");
        complete(task(TASK_ANSWER_PROPOSAL, pi), withVariables(Variables.ACCEPTED, true));

        execute(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(EVENT_FIRST_CONTACT_DUE).singleResult());
        execute(job(TASK_REMIND_FIRST_CONTACT, pi));

        assertThat(calls).contains(Beans.REMIND_FIRST_CONTACT);
        assertThat(pi).isWaitingAt(TASK_FIRST_CONTACT);
    }

    @Test
    void the_requester_can_withdraw_during_intake_while_waiting_and_while_a_buddy_decides() {
        ProcessInstance atIntake = request();
        withdraw(atIntake);

        availability.add(false);
        ProcessInstance waiting = request();
        complete(task(waiting));
        rank(waiting);
        execute(job(TASK_PLACE_ON_WAITING_LIST, waiting));
        withdraw(waiting);

        ProcessInstance proposed = request();
        complete(task(proposed));
        rank(proposed);
        propose(proposed, "buddy.utrecht");
        withdraw(proposed);
    }

    private void withdraw(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(Messages.REQUEST_WITHDRAWN).processInstanceId(pi.getId()).correlate();
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        execute(job(TASK_RECORD_REQUEST_WITHDRAWAL, pi));
        assertThat(pi).hasPassed(EVENT_REQUEST_WITHDRAWN).isEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
