package nl.steunpunt.buddy.workflow.internal;

import static nl.steunpunt.buddy.processes.BuddyOffboardingProcess.PROCESS_ID;
import static nl.steunpunt.buddy.processes.BuddyOffboardingProcess.TASK_EXIT_CONVERSATION;
import static nl.steunpunt.buddy.processes.BuddyOffboardingProcess.TASK_HAND_OVER_MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.steunpunt.buddy.processes.BuddyOffboardingProcess.Beans;
import nl.steunpunt.buddy.processes.BuddyOffboardingProcess.Variables;
import nl.steunpunt.buddy.processes.ProcessTestEngine;
import nl.steunpunt.buddy.processes.TestOffboardingDeadlines;

/**
 * A changed model is deployed while cases of the old version run: the running cases move onto the new
 * version where every activity they wait in still exists, keep their tasks and variables, and finish on
 * the new model; a case waiting in an activity the new version dropped stays on its version, is reported,
 * and still finishes. The real offboarding model on a real engine and PostgreSQL.
 */
class ModelMigrationsTest {

    private final ProcessEngine engine = ProcessTestEngine.get();
    private final RepositoryService repository = engine.getRepositoryService();
    private final RuntimeService runtime = engine.getRuntimeService();
    private final TaskService tasks = engine.getTaskService();
    private final ModelMigrations migrations = new ModelMigrations(repository, runtime, true);
    private final List<String> archived = new ArrayList<>();

    @BeforeEach
    void beans() {
        Mocks.register(Beans.DEADLINES, new TestOffboardingDeadlines());
        Mocks.register(Beans.ARCHIVE_BUDDY, (JavaDelegate) execution -> archived.add(execution.getProcessBusinessKey()));
    }

    @AfterEach
    void cleanUp() {
        Mocks.reset();
        repository.createDeploymentQuery().list().forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void running_cases_move_to_the_new_version_and_a_case_in_a_dropped_activity_stays_behind_and_still_finishes() {
        ProcessDefinition v1 = deploy(original(), "v1");
        ProcessInstance handingOver = start("BUDDY-A", List.of("match-1"));
        tasks.complete(task(handingOver, TASK_EXIT_CONVERSATION).getId());
        ProcessInstance exitPending = start("BUDDY-B", List.of());
        Task handOverTask = task(handingOver, TASK_HAND_OVER_MATCH);
        Task exitTask = task(exitPending, TASK_EXIT_CONVERSATION);

        BpmnModelInstance renamed = original();
        renamed.<UserTask>getModelElementById(TASK_EXIT_CONVERSATION).setName("Exitgesprek voeren en vastleggen");
        ProcessDefinition v2 = deploy(renamed, "v2");
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

        List<ModelMigrations.Outcome> outcomes = migrations.migrateAll();

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.processKey()).isEqualTo(PROCESS_ID);
            assertThat(o.migrated()).isEqualTo(2);
            assertThat(o.leftBehind()).isEmpty();
        });
        assertThat(definitionOf(handingOver)).isEqualTo(v2.getId());
        assertThat(definitionOf(exitPending)).isEqualTo(v2.getId());
        assertThat(task(handingOver, TASK_HAND_OVER_MATCH).getId()).as("the same task, not a new one").isEqualTo(handOverTask.getId());
        assertThat(task(exitPending, TASK_EXIT_CONVERSATION).getId()).isEqualTo(exitTask.getId());
        assertThat(tasks.getVariable(handOverTask.getId(), Variables.MATCH_ID)).isEqualTo("match-1");
        assertThat(runtime.getVariable(handingOver.getId(), Variables.REGION_CODE)).isEqualTo("PO-2605");
        assertThat(migrations.migrateAll()).as("a second run finds nothing left to move").isEmpty();

        tasks.complete(handOverTask.getId());
        runArchiveJob(handingOver);
        assertThat(archived).containsExactly("BUDDY-A");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(handingOver.getId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(handingOver.getId())
                .singleResult().getProcessDefinitionId()).as("finished on the new model").isEqualTo(v2.getId());

        BpmnModelInstance dropped = original();
        dropped.<UserTask>getModelElementById(TASK_EXIT_CONVERSATION).setId("Task_ExitInterview");
        ProcessDefinition v3 = deploy(dropped, "v3");

        List<ModelMigrations.Outcome> second = migrations.migrateAll();

        assertThat(second).singleElement().satisfies(o -> {
            assertThat(o.latestVersion()).isEqualTo(v3.getVersion());
            assertThat(o.migrated()).isZero();
            assertThat(o.leftBehind()).containsOnlyKeys(exitPending.getId());
            assertThat(o.leftBehind().get(exitPending.getId())).contains(TASK_EXIT_CONVERSATION);
        });
        assertThat(definitionOf(exitPending)).as("left on its version, untouched").isEqualTo(v2.getId());
        tasks.complete(task(exitPending, TASK_EXIT_CONVERSATION).getId());
        runArchiveJob(exitPending);
        assertThat(archived).containsExactly("BUDDY-A", "BUDDY-B");
    }

    @Test
    void switched_off_by_configuration_it_moves_nothing() {
        deploy(original(), "v1");
        ProcessInstance running = start("BUDDY-C", List.of());
        BpmnModelInstance renamed = original();
        renamed.<UserTask>getModelElementById(TASK_EXIT_CONVERSATION).setName("Exitgesprek");
        deploy(renamed, "v2");

        new ModelMigrations(repository, runtime, false).afterDeployment();

        ProcessDefinition first = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).processDefinitionVersion(1)
                .singleResult();
        assertThat(definitionOf(running)).isEqualTo(first.getId());
    }

    private static BpmnModelInstance original() {
        InputStream model = ModelMigrationsTest.class.getResourceAsStream("/processes/BuddyOffboardingProcess.bpmn");
        assertThat(model).as("the offboarding model on the classpath").isNotNull();
        return Bpmn.readModelFromStream(model);
    }

    private ProcessDefinition deploy(BpmnModelInstance model, String name) {
        String deployment = repository.createDeployment().name("migration-test-" + name)
                .addModelInstance("BuddyOffboardingProcess.bpmn", model).deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    private ProcessInstance start(String businessKey, List<String> matches) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, businessKey, Map.of(Variables.BUDDY_ID, businessKey.toLowerCase(),
                Variables.REGION_CODE, "PO-2605", Variables.ACTIVE_MATCH_IDS, matches));
    }

    private Task task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    /** Archiving runs asynchronously (its own transaction); the job executor is off in these tests. */
    private void runArchiveJob(ProcessInstance instance) {
        var job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(job).as("the archive job of %s", instance.getBusinessKey()).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
    }
}
