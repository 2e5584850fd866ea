package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * A coordinator completes a task at the very moment something else changes the same case (a parent's
 * evaluation arriving in a parallel branch; here: a process variable changed by another transaction while
 * the engine completes the task). The engine refuses the later of the two (its optimistic lock); the task is
 * still open, so the completion is tried again with its domain action in a fresh transaction and succeeds —
 * the coordinator is not told that the task is gone. (Two claims of the same task: {@code RacesTest}.)
 */
class ConcurrentCompletionTest extends ApplicationTest {

    private static final String PROCESS = "ConcurrentCompletionTest";
    /** What the task's complete listener does on its first call (then nothing). */
    private static final AtomicReference<Runnable> MEANWHILE = new AtomicReference<>();

    /** Runs {@link #MEANWHILE} once, inside the engine's completion, before the engine writes anything. */
    public static class ChangeMeanwhile implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            Runnable change = MEANWHILE.getAndSet(null);
            if (change != null) {
                change.run();
            }
        }
    }

    @Autowired TestWorld world;
    @Autowired WorkItems workItems;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    @AfterEach
    void reset() {
        MEANWHILE.set(null);
        // a task of a process outside our seven models must not stay in a coordinator's inbox for later tests
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test over"));
    }

    @Test
    void a_completion_that_meets_a_concurrent_change_of_its_case_is_done_again_and_succeeds() throws Exception {
        // another transaction changes the case's variable and commits while the engine completes the task
        String instance = startWithListener(TaskListener.EVENTNAME_COMPLETE);
        String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        AtomicReference<Throwable> other = meanwhileInAnotherTransaction(() -> runtimeService.setVariable(instance, "mark", "changed meanwhile"));
        AtomicInteger actions = new AtomicInteger();

        world.as(TestWorld.COORDINATOR_A, () -> {
            workItems.complete(task, Map.of("mark", "done"), actions::incrementAndGet);
            return null;
        });

        assertThat(other.get()).as("the other transaction committed").isNull();
        assertThat(actions).as("the first attempt was rolled back with its domain action; the second went through").hasValue(2);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().list())
                .singleElement().satisfies(done -> assertThat(done.getAssignee()).isEqualTo(TestWorld.COORDINATOR_A));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("mark").singleResult()
                .getValue()).isEqualTo("done");
    }

    /** Deploys a one-task process of region A's coordinators with {@link ChangeMeanwhile} on this task event; starts one. */
    private String startWithListener(String event) {
        world.ensure();
        repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent().userTask("Task_A").name("Taak A")
                        .camundaCandidateGroups(Role.COORDINATOR.groupIn(TestWorld.REGION_A))
                        .camundaTaskListenerClass(event, ChangeMeanwhile.class).endEvent().done())
                .deploy();
        return runtimeService.startProcessInstanceByKey(PROCESS, Map.of("mark", "started")).getId();
    }

    /** The next {@link ChangeMeanwhile} runs this change on a thread of its own (its own transaction) and waits for it. */
    private static AtomicReference<Throwable> meanwhileInAnotherTransaction(Runnable change) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MEANWHILE.set(() -> {
            Thread thread = new Thread(() -> {
                try {
                    change.run();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            thread.start();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return failure;
    }
}
