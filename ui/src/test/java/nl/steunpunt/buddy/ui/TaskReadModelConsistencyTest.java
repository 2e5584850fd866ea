package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The inbox reads the workflow's task read model, not the engine: after every kind of change a real
 * flow makes (tasks created, claimed, assigned, given back, completed, due date moved, a candidate group
 * added, a case cancelled, running cases migrated to a new model version) the read model holds exactly
 * the engine's open tasks, and every coordinator (and buddy, trainer, manager) sees in the inbox exactly
 * the tasks the engine's own task query gives her, with the same count.
 */
class TaskReadModelConsistencyTest extends ApplicationTest {

    private static final String TWO_REGIONS = "coordinator.ab";

    /** Rows of the engine and of the read model that the other lacks (one statement: one snapshot). */
    private static final String DIFFERENCES = """
            WITH engine AS (
              SELECT t.id_ AS task_id, coalesce(i.group_id_, '') AS candidate_group, t.assignee_ AS assignee, t.due_date_ AS due_at,
                     t.proc_def_id_ AS process_definition_id, t.name_ AS name, t.task_def_key_ AS definition_key,
                     e.business_key_ AS business_key
              FROM act_ru_task t
              LEFT JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
              LEFT JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ IS NOT NULL
              WHERE t.proc_def_id_ IS NOT NULL),
            model AS (SELECT task_id, candidate_group, assignee, due_at, process_definition_id, name, definition_key, business_key
                      FROM workflow_task)
            SELECT 'engine only: ' || x.task_id || ' ' || x.candidate_group FROM (SELECT * FROM engine EXCEPT SELECT * FROM model) x
            UNION ALL
            SELECT 'read model only: ' || y.task_id || ' ' || y.candidate_group FROM (SELECT * FROM model EXCEPT SELECT * FROM engine) y
            """;

    @Autowired TestWorld world;
    @Autowired WorkItems workItems;
    @Autowired LocalAccounts accounts;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired ProcessEngine processEngine;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient db;

    @Test
    void the_inbox_read_model_follows_every_task_change_of_real_flows() {
        world.ensure();
        accounts.save(TWO_REGIONS, "Coördinator A en B", TestWorld.PASSWORD, Set.of(Role.COORDINATOR),
                Set.of(TestWorld.REGION_A, TestWorld.REGION_B));
        ApplicationId first = world.apply(TestWorld.REGION_A);
        ApplicationId second = world.apply(TestWorld.REGION_A);
        ApplicationId third = world.apply(TestWorld.REGION_A);
        ApplicationId other = world.apply(TestWorld.REGION_B);
        WorkItem firstTask = world.awaitTask(TestWorld.COORDINATOR_A, first);
        WorkItem secondTask = world.awaitTask(TestWorld.COORDINATOR_A, second);
        WorkItem thirdTask = world.awaitTask(TestWorld.COORDINATOR_A, third);
        WorkItem otherTask = world.awaitTask(TestWorld.COORDINATOR_B, other);
        assertConsistent("created");

        world.as(TestWorld.COORDINATOR_A, () -> workItems.claim(firstTask.id()));
        assertConsistent("claimed");
        world.as(TestWorld.COORDINATOR_A, () -> {
            workItems.assign(secondTask.id(), TestWorld.COLLEAGUE_A);
            return null;
        });
        assertConsistent("assigned to a colleague");
        world.as(TestWorld.COORDINATOR_A, () -> {
            workItems.claim(thirdTask.id());
            workItems.unclaim(thirdTask.id());
            return null;
        });
        assertConsistent("claimed and given back");

        world.advance(first, RecruitmentProcess.TASK_SCHEDULE_INTAKE);
        assertConsistent("completed, the next task created");

        Task engineTask = taskService.createTaskQuery().taskId(secondTask.id()).singleResult();
        engineTask.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(3))));
        taskService.saveTask(engineTask);
        assertConsistent("due date moved");

        taskService.addCandidateGroup(otherTask.id(), Role.COORDINATOR.groupIn(TestWorld.REGION_A));
        assertConsistent("a second candidate group");
        assertThat(world.as(TestWorld.COORDINATOR_A, () -> workItems.find(WorkItemQuery.inbox(), 0, 10_000)))
                .extracting(WorkItem::id).contains(otherTask.id());
        assertThat(world.as(TWO_REGIONS, () -> workItems.find(WorkItemQuery.inbox(), 0, 10_000)))
                .extracting(WorkItem::id).containsOnlyOnce(otherTask.id());

        taskService.deleteCandidateGroup(otherTask.id(), Role.COORDINATOR.groupIn(TestWorld.REGION_A));
        assertConsistent("the second candidate group removed");
        assertThat(world.as(TestWorld.COORDINATOR_A, () -> workItems.find(WorkItemQuery.inbox(), 0, 10_000)))
                .extracting(WorkItem::id).doesNotContain(otherTask.id());

        String thirdCase = taskService.createTaskQuery().taskId(thirdTask.id()).singleResult().getProcessInstanceId();
        runtimeService.deleteProcessInstance(thirdCase, "cancelled in a test");
        assertConsistent("case cancelled");

        repositoryService.createDeployment().name("read model migration test")
                .addClasspathResource("processes/RecruitmentProcess.bpmn").enableDuplicateFiltering(false).deploy();
        events.publishEvent(new PostDeployEvent(processEngine));
        String latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RecruitmentProcess.PROCESS_ID)
                .latestVersion().singleResult().getId();
        assertThat(taskService.createTaskQuery().taskId(secondTask.id()).singleResult().getProcessDefinitionId()).isEqualTo(latest);
        assertConsistent("running cases migrated to a new version");
    }

    @Test
    void a_claim_or_give_back_publishes_no_task_snapshot_and_a_new_due_date_does() {
        world.ensure();
        WorkItem task = world.awaitTask(TestWorld.COORDINATOR_A, world.apply(TestWorld.REGION_A));
        Awaitility.await("the new task's snapshot delivered").atMost(Duration.ofSeconds(10))
                .until(() -> snapshots(task.id()) > 0 && openSnapshots(task.id()) == 0);
        long created = snapshots(task.id());

        world.as(TestWorld.COORDINATOR_A, () -> {
            workItems.claim(task.id());
            workItems.unclaim(task.id());
            workItems.assign(task.id(), TestWorld.COLLEAGUE_A);
            return null;
        });
        assertThat(snapshots(task.id())).as("the assignee is not in the snapshot: nothing to tell").isEqualTo(created);

        Instant due = Instant.now().plus(Duration.ofDays(9)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Task engineTask = taskService.createTaskQuery().taskId(task.id()).singleResult();
        engineTask.setDueDate(Date.from(due));
        taskService.saveTask(engineTask);
        assertThat(snapshots(task.id())).as("a new due date is").isGreaterThan(created);
        Awaitility.await("the metrics read model has the new due date").atMost(Duration.ofSeconds(10))
                .until(() -> db.sql("SELECT due_at FROM metrics_task WHERE task_id = ?").param(task.id()).query(java.sql.Timestamp.class)
                        .optional().map(java.sql.Timestamp::toInstant).filter(due::equals).isPresent());
    }

    /** Publications of a task's snapshot ({@code TaskChanged}) in Spring Modulith's registry, one per listener. */
    private long snapshots(String taskId) {
        return db.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%.TaskChanged' AND serialized_event LIKE ?")
                .param("%" + taskId + "%").query(Long.class).single();
    }

    private long openSnapshots(String taskId) {
        return db.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%.TaskChanged' AND serialized_event LIKE ? "
                + "AND completion_date IS NULL").param("%" + taskId + "%").query(Long.class).single();
    }

    /** The read model holds the engine's open tasks, and everyone's inbox is what the engine's task query gives her. */
    private void assertConsistent(String after) {
        Awaitility.await(after).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(db.sql(DIFFERENCES).query(String.class).list()).as(after).isEmpty();
            for (String user : List.of(TestWorld.COORDINATOR_A, TestWorld.COLLEAGUE_A, TestWorld.COORDINATOR_B, TWO_REGIONS,
                    TestWorld.BUDDY_A, TestWorld.TRAINER_A, TestWorld.MANAGER_A)) {
                Actor actor = accounts.account(user).orElseThrow();
                List<String> engine = taskService.createTaskQuery().active().or()
                        .taskCandidateGroupIn(new ArrayList<>(actor.candidateGroups())).includeAssignedTasks()
                        .taskAssignee(actor.userId()).endOr().orderByDueDate().asc().orderByTaskCreateTime().asc().list()
                        .stream().map(Task::getId).sorted().toList();
                List<String> inbox = world.as(user, () -> workItems.find(WorkItemQuery.inbox(), 0, 100_000)).stream()
                        .map(WorkItem::id).sorted().toList();
                assertThat(inbox).as("%s: %s", after, user).isEqualTo(engine);
                assertThat(world.as(user, () -> workItems.count(WorkItemQuery.inbox()))).as("%s: %s count", after, user)
                        .isEqualTo(engine.size());
                for (String id : engine) {
                    assertThat(world.as(user, () -> workItems.get(id))).as("%s: %s opens %s", after, user, id)
                            .hasValueSatisfying(item -> assertThat(item.assignee())
                                    .isEqualTo(java.util.Optional.ofNullable(taskService.createTaskQuery().taskId(id).singleResult().getAssignee())));
                }
            }
        });
    }
}
