package nl.steunpunt.buddy.workflow.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.WorkItemQuery;

/**
 * The inbox's read model of the engine's open tasks ({@code workflow_task}): one row per task and
 * candidate group, written in the engine's own transaction on every task event (create, assignment,
 * update, complete, delete), refreshed from the engine's tables after a model migration, and rebuilt
 * from them at start-up when it does not hold exactly the engine's open tasks. It holds IDs and
 * routing data only. Pages come straight from its indexes, per candidate group in the inbox's order.
 */
@Component
class TaskReadModel {

    private static final Logger log = LoggerFactory.getLogger(TaskReadModel.class);
    private static final Set<String> WRITES = Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE);
    private static final Set<String> ENDS = Set.of(TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);
    private static final String NO_GROUP = "";
    private static final String COLUMNS = "task_id, candidate_group, group_rank, process_instance_id, process_definition_id, process_key, "
            + "business_key, region_code, subject_id, definition_key, name, assignee, created_at, due_at, follow_up_at";

    /** An open task as the read model holds it. */
    record Row(String taskId, String processDefinitionId, String processKey, String businessKey, String regionCode, String subjectId,
            String definitionKey, String name, String assignee, Instant created, Instant due, Instant followUp) {
    }

    private final JdbcClient db;
    private final RepositoryService repositoryService;
    private final TransactionTemplate transaction;

    TaskReadModel(JdbcClient db, RepositoryService repositoryService, PlatformTransactionManager transactions) {
        this.db = db;
        this.repositoryService = repositoryService;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    void on(DelegateTask task) {
        if (task.getProcessDefinitionId() == null) {
            return;
        }
        if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) || assigneeOnly(task)) {
            lockEngineRow(task.getId());
            db.sql("UPDATE workflow_task SET assignee = ? WHERE task_id = ?").params(task.getAssignee(), task.getId()).update();
        } else if (WRITES.contains(task.getEventName())) {
            write(task);
        } else if (ENDS.contains(task.getEventName())) {
            lockEngineRow(task.getId());
            db.sql("DELETE FROM workflow_task WHERE task_id = ?").param(task.getId()).update();
        }
    }

    /**
     * An update that changed the assignee and nothing else (a claim, a give-back, an assignment): the engine fires it
     * and then the assignment event, and neither changes more than the rows' assignee. Any other update (also one
     * without changed properties: a candidate group removed) writes the rows anew.
     */
    private static boolean assigneeOnly(DelegateTask task) {
        return TaskListener.EVENTNAME_UPDATE.equals(task.getEventName()) && task instanceof TaskEntity entity
                && entity.getPropertyChanges().keySet().equals(Set.of(TaskEntity.ASSIGNEE));
    }

    /** The task's rows as the engine holds it now: one per candidate group, stale groups removed. */
    private void write(DelegateTask task) {
        lockEngineRow(task.getId());
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null && !removedNow(link)) {
                groups.add(link.getGroupId());
            }
        }
        if (groups.isEmpty()) {
            groups.add(NO_GROUP);
        }
        String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        Object region = task.getVariable(CamundaWorkItems.REGION_VARIABLE);
        Object subject = Phase.ofProcess(processKey).map(phase -> task.getVariable(phase.subjectVariable())).orElse(null);
        db.sql("DELETE FROM workflow_task WHERE task_id = :task AND candidate_group NOT IN (:groups)")
                .param("task", task.getId()).param("groups", groups).update();
        int rank = 0;
        for (String group : groups) {
            db.sql("INSERT INTO workflow_task (" + COLUMNS + ") VALUES (:task, :group, :rank, :instance, :definition, :process, :businessKey, "
                    + ":region, :subject, :key, :name, :assignee, :created, :due, :followUp) "
                    + "ON CONFLICT (task_id, candidate_group) DO UPDATE SET group_rank = excluded.group_rank, "
                    + "process_definition_id = excluded.process_definition_id, process_key = excluded.process_key, "
                    + "business_key = excluded.business_key, region_code = excluded.region_code, subject_id = excluded.subject_id, "
                    + "definition_key = excluded.definition_key, name = excluded.name, assignee = excluded.assignee, "
                    + "created_at = excluded.created_at, due_at = excluded.due_at, follow_up_at = excluded.follow_up_at")
                    .param("task", task.getId()).param("group", group).param("rank", rank++)
                    .param("instance", task.getProcessInstanceId()).param("definition", task.getProcessDefinitionId())
                    .param("process", processKey).param("businessKey", task.getExecution().getProcessBusinessKey())
                    .param("region", region instanceof String code ? code : null)
                    .param("subject", subject instanceof String id ? id : null)
                    .param("key", task.getTaskDefinitionKey()).param("name", task.getName()).param("assignee", task.getAssignee())
                    .param("created", timestamp(task.getCreateTime())).param("due", timestamp(task.getDueDate()))
                    .param("followUp", timestamp(task.getFollowUpDate()))
                    .update();
        }
    }

    /**
     * A candidate group removed by the command that fires this event: the engine deletes the link when it flushes, but
     * the task still lists it until then (the update event of {@code deleteCandidateGroup} comes before the flush).
     */
    private static boolean removedNow(IdentityLink link) {
        CommandContext command = Context.getCommandContext();
        return link instanceof IdentityLinkEntity entity && command != null && command.getDbEntityManager().getDbEntityCache().isDeleted(entity);
    }

    /**
     * Holds the engine's task row until this transaction ends. Every change of a task takes it first (here and in
     * {@link CamundaWorkItems}), so two changes of one task always lock in the same order: the engine's row, then these.
     * False when the task no longer exists.
     */
    boolean lockEngineRow(String taskId) {
        return db.sql("SELECT id_ FROM act_ru_task WHERE id_ = ? FOR UPDATE").param(taskId).query(String.class).optional().isPresent();
    }

    /** The task's candidate groups as its rows hold them; empty for a personal task (its one row has none). */
    Set<String> candidateGroups(String taskId) {
        return new TreeSet<>(db.sql("SELECT candidate_group FROM workflow_task WHERE task_id = ? AND candidate_group <> ''")
                .param(taskId).query(String.class).list());
    }

    /** Rewrites the rows of these process instances from the engine's tables (after a migration). */
    void refresh(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            db.sql("DELETE FROM workflow_task WHERE process_instance_id IN (:ids)").param("ids", processInstanceIds).update();
            db.sql(fromEngine("t.proc_inst_id_ IN (:ids)")).param("ids", processInstanceIds).update();
        });
    }

    /** Rebuilds the whole read model from the engine's tables; task changes wait meanwhile. Returns the rows written. */
    int rebuild() {
        return transaction.execute(status -> {
            db.sql("LOCK TABLE workflow_task IN EXCLUSIVE MODE").update();
            db.sql("DELETE FROM workflow_task").update();
            return db.sql(fromEngine("true")).update();
        });
    }

    /** At start-up: rebuilt when it does not hold exactly the engine's open tasks (first start, or a change it missed). */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        if (!consistent()) {
            long start = System.nanoTime();
            int rows = rebuild();
            log.info("Task read model rebuilt from the engine's open tasks: {} rows in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** True when the read model holds the engine's open process tasks, each with the engine's assignee, due date and groups. */
    boolean consistent() {
        return db.sql("""
                SELECT NOT EXISTS (
                  (SELECT t.id_, coalesce(i.group_id_, ''), t.assignee_, t.due_date_ FROM act_ru_task t
                   LEFT JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ IS NOT NULL
                   WHERE t.proc_def_id_ IS NOT NULL
                   EXCEPT SELECT task_id, candidate_group, assignee, due_at FROM workflow_task)
                  UNION ALL
                  (SELECT task_id, candidate_group, assignee, due_at FROM workflow_task
                   EXCEPT SELECT t.id_, coalesce(i.group_id_, ''), t.assignee_, t.due_date_ FROM act_ru_task t
                   LEFT JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ IS NOT NULL
                   WHERE t.proc_def_id_ IS NOT NULL))
                """).query(Boolean.class).single();
    }

    private static String fromEngine(String condition) {
        StringBuilder subjects = new StringBuilder("CASE d.key_ ");
        for (Phase phase : Phase.values()) {
            subjects.append("WHEN '").append(phase.processKey()).append("' THEN '").append(phase.subjectVariable()).append("' ");
        }
        subjects.append("END");
        return "INSERT INTO workflow_task (" + COLUMNS + ") "
                + "SELECT t.id_, coalesce(i.group_id_, ''), (row_number() OVER (PARTITION BY t.id_ ORDER BY i.group_id_) - 1)::smallint, "
                + "t.proc_inst_id_, t.proc_def_id_, d.key_, e.business_key_, "
                + "(SELECT v.text_ FROM act_ru_variable v WHERE v.execution_id_ = t.proc_inst_id_ AND v.name_ = '"
                + CamundaWorkItems.REGION_VARIABLE + "' AND v.task_id_ IS NULL LIMIT 1), "
                + "(SELECT v.text_ FROM act_ru_variable v WHERE v.execution_id_ = t.proc_inst_id_ AND v.name_ = " + subjects
                + " AND v.task_id_ IS NULL LIMIT 1), "
                + "t.task_def_key_, t.name_, t.assignee_, t.create_time_, t.due_date_, t.follow_up_date_ "
                + "FROM act_ru_task t JOIN act_re_procdef d ON d.id_ = t.proc_def_id_ "
                + "LEFT JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "LEFT JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ IS NOT NULL "
                + "WHERE " + condition;
    }

    /**
     * A page in the query's order of the tasks an actor may see (see {@link #branches}). Each branch is
     * cut to the page's end in the same order before they are merged, so that PostgreSQL reads each of
     * her groups from its index in order and stops there, instead of sorting every task she can see.
     */
    List<Row> page(Set<String> groups, String userId, WorkItemQuery query, Instant now, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String direction = query.ascending() ? " ASC" : " DESC";
        String order = switch (query.sortBy()) {
            case CREATED -> "created_at" + direction + ", task_id" + direction;
            case NAME -> "name" + direction + ", created_at" + direction + ", task_id" + direction;
            default -> "due_at" + direction + ", created_at" + direction + ", task_id" + direction;
        };
        String window = " ORDER BY " + order + " LIMIT :window)";
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (String branch : branches(groups, userId, query, now, params, true)) {
            union.add("(" + branch + window);
        }
        return db.sql("SELECT * FROM (" + union + ") w ORDER BY " + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("window", offset + limit).param("limit", limit).param("offset", offset).query(TaskReadModel::row).list();
    }

    /** The task's row as this transaction sees it (the engine's listener wrote its latest change here). */
    Optional<Row> row(String taskId) {
        return db.sql("SELECT * FROM workflow_task WHERE task_id = ? ORDER BY group_rank LIMIT 1").param(taskId).query(TaskReadModel::row)
                .optional();
    }

    /**
     * The task's row when the actor may see it, as the engine's task query would decide: one of its candidate groups
     * is hers, or it is assigned to her. Empty when she may not, or it is no open task of a process.
     */
    Optional<Row> visibleRow(String taskId, Set<String> groups, String userId) {
        return db.sql("SELECT * FROM workflow_task WHERE task_id = :task AND (candidate_group IN (:groups) OR assignee = :user) "
                        + "ORDER BY group_rank LIMIT 1")
                .param("task", taskId).param("groups", groups.isEmpty() ? List.of("-") : List.copyOf(groups)).param("user", userId)
                .query(TaskReadModel::row).optional();
    }

    long count(Set<String> groups, String userId, WorkItemQuery query, Instant now) {
        Map<String, Object> params = new HashMap<>();
        return db.sql("SELECT count(*) FROM (" + visible(groups, userId, query, now, params) + ") u").params(params).query(Long.class)
                .single();
    }

    /**
     * How many tasks an actor may see, counted no further than {@code limit} + 1 (a result above {@code limit} means
     * "more than that"): PostgreSQL stops reading the branches' index ranges there, so the cost does not grow with
     * the number of visible tasks, as an exact {@link #count} does.
     */
    long countUpTo(Set<String> groups, String userId, WorkItemQuery query, Instant now, long limit) {
        Map<String, Object> params = new HashMap<>();
        return db.sql("SELECT count(*) FROM (SELECT 1 FROM (" + visible(groups, userId, query, now, params) + ") u LIMIT :cap) c")
                .params(params).param("cap", Math.max(0, limit) + 1).query(Long.class).single();
    }

    /** Every task an actor may see, each once: the {@link #branches} as one {@code UNION ALL}. */
    private static String visible(Set<String> groups, String userId, WorkItemQuery query, Instant now, Map<String, Object> params) {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (String branch : branches(groups, userId, query, now, params, false)) {
            union.add("(" + branch + ")");
        }
        return union.toString();
    }

    /**
     * The tasks an actor may see, each once, as branches that each read one index range in order:
     * those of her candidate groups (a task in several of them under the first; one branch per group
     * when {@code perGroup}), and those assigned to her personally that none of her groups holds
     * (under the task's first row; found through the assignee index, where her own groups' tasks
     * assigned to her are passed over without reading the table).
     */
    private static List<String> branches(Set<String> groups, String userId, WorkItemQuery query, Instant now, Map<String, Object> params,
            boolean perGroup) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(groups));
        params.put("groups", sorted.isEmpty() ? List.of("-") : sorted);
        params.put("user", userId);
        StringBuilder filters = new StringBuilder();
        switch (query.scope()) {
            case MINE -> filters.append(" AND w.assignee = :user");
            case UNASSIGNED -> filters.append(" AND w.assignee IS NULL");
            default -> {
            }
        }
        if (query.overdueOnly()) {
            filters.append(" AND w.due_at < :now");
            params.put("now", Timestamp.from(now));
        }
        query.phase().ifPresent(phase -> {
            filters.append(" AND w.process_key = :phase");
            params.put("phase", phase.processKey());
        });
        query.caseReference().ifPresent(reference -> {
            filters.append(" AND w.business_key = :case");
            params.put("case", reference);
        });
        String once = sorted.size() > 1 ? " AND NOT EXISTS (SELECT 1 FROM workflow_task d WHERE d.task_id = w.task_id "
                + "AND d.candidate_group IN (:groups) AND d.candidate_group < w.candidate_group)" : "";
        List<String> branches = new ArrayList<>();
        if (perGroup) {
            for (int i = 0; i < sorted.size(); i++) {
                params.put("group" + i, sorted.get(i));
                branches.add("SELECT w.* FROM workflow_task w WHERE w.candidate_group = :group" + i + once + filters);
            }
        } else if (!sorted.isEmpty()) {
            branches.add("SELECT w.* FROM workflow_task w WHERE w.candidate_group IN (:groups)" + once + filters);
        }
        branches.add("SELECT w.* FROM workflow_task w WHERE w.task_id IN (SELECT p.task_id FROM workflow_task p WHERE p.assignee = :user "
                + "AND p.group_rank = 0 AND p.candidate_group NOT IN (:groups)) AND w.group_rank = 0 AND NOT EXISTS "
                + "(SELECT 1 FROM workflow_task d WHERE d.task_id = w.task_id AND d.candidate_group IN (:groups))" + filters);
        return branches;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("task_id"), rs.getString("process_definition_id"), rs.getString("process_key"),
                rs.getString("business_key"), rs.getString("region_code"), rs.getString("subject_id"), rs.getString("definition_key"),
                rs.getString("name"), rs.getString("assignee"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("follow_up_at")));
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
