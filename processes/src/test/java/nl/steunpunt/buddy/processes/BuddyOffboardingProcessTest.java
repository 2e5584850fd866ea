package nl.steunpunt.buddy.processes;

import static nl.steunpunt.buddy.processes.BuddyOffboardingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** Every path of a buddy leaving: with active matches to hand over, and without. */
@Deployment(resources = "processes/BuddyOffboardingProcess.bpmn")
class BuddyOffboardingProcessTest {

    private static final String COORDINATORS = "coordinator-PO-2605";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private final Instant start = Instant.parse("2026-06-01T09:00:00Z");
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        Mocks.register(Beans.DEADLINES, new TestOffboardingDeadlines());
        Mocks.register(Beans.ARCHIVE_BUDDY, (JavaDelegate) execution -> calls.add(Beans.ARCHIVE_BUDDY));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance leave(List<String> activeMatchIds) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_ID, "BUDDY-2026-0007",
                Map.of(Variables.BUDDY_ID, "8c5a3a57-1111-4a1d-9d53-5f0f9d2c0001", Variables.REGION_CODE, "PO-2605",
                        Variables.ACTIVE_MATCH_IDS, activeMatchIds));
        assertThat(task(TASK_EXIT_CONVERSATION, pi)).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.EXIT_CONVERSATION)
                .hasDueDate(Date.from(start.plus(TestOffboardingDeadlines.EXIT_CONVERSATION_DUE)));
        return pi;
    }

    @Test
    void every_active_match_is_handed_over_beside_the_exit_conversation_before_the_record_is_archived() {
        ProcessInstance pi = leave(List.of("match-1", "match-2"));

        List<Task> handOvers = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_HAND_OVER_MATCH).list();
        assertThat(handOvers).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup(COORDINATORS).hasFormKey(Forms.HAND_OVER_MATCH)
                .hasDueDate(Date.from(start.plus(TestOffboardingDeadlines.HAND_OVER_DUE))));
        assertThat(handOvers).extracting(t -> engine.getTaskService().getVariable(t.getId(), Variables.MATCH_ID))
                .containsExactlyInAnyOrder("match-1", "match-2");

        complete(task(TASK_EXIT_CONVERSATION, pi));
        complete(handOvers.get(0));
        assertThat(pi).isWaitingAt(TASK_HAND_OVER_MATCH);
        assertThat(calls).isEmpty();
        complete(handOvers.get(1));

        execute(job(TASK_ARCHIVE_BUDDY, pi));
        assertThat(pi).hasPassed(GATEWAY_OFFBOARDING_JOIN, EVENT_BUDDY_ARCHIVED).isEnded();
        assertThat(calls).containsExactly(Beans.ARCHIVE_BUDDY);
    }

    @Test
    void a_buddy_without_active_matches_only_has_the_exit_conversation() {
        ProcessInstance pi = leave(List.of());

        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_HAND_OVER_MATCH).count()).isZero();
        complete(task(TASK_EXIT_CONVERSATION, pi));
        execute(job(TASK_ARCHIVE_BUDDY, pi));

        assertThat(pi).hasPassed(EVENT_BUDDY_ARCHIVED).isEnded();
    }
}
