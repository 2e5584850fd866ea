package nl.steunpunt.buddy.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItemQuery.Scope;
import nl.steunpunt.buddy.workflow.WorkItemQuery.SortBy;

/**
 * The inbox's pages and counts from the task read model against a plain model of its rule, over
 * random tasks: an actor sees each task of any of her candidate groups and each task assigned to her
 * personally, once, filtered, in the query's order (ties by creation and ID in the same direction,
 * tasks without a due date last when ascending), and every page is that list's slice; a single task
 * (what a claim or a task screen checks) is found for her exactly when that rule lets her see it.
 */
class TaskReadModelQueryTest extends ApplicationTest {

    private static final List<String> GROUPS = List.of("rmq-a", "rmq-b", "rmq-c", "rmq-d");
    private static final List<String> USERS = List.of("rmq.me", "rmq.other");
    private static final List<String> NAMES = List.of("Aanmelding beoordelen", "Besluit nemen", "Check-in bij de buddy");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Autowired TaskReadModel readModel;
    @Autowired JdbcClient db;
    @Autowired TransactionTemplate transactions;

    /** A task with its candidate groups ('' alone: none). */
    private record Task(String id, List<String> groups, Phase phase, String businessKey, String name, String assignee, Instant created,
            Instant due) {
    }

    @Test
    void pages_and_counts_are_the_visible_tasks_each_once_filtered_and_ordered() {
        long seed = 20261129L;
        Random random = new Random(seed);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            List<String> groups = new ArrayList<>();
            int kind = random.nextInt(10);
            if (kind < 2) {
                groups.add(""); // a personal task (a buddy's) without candidate group
            } else {
                for (String group : GROUPS) {
                    if (random.nextInt(3) == 0) {
                        groups.add(group);
                    }
                }
                if (groups.isEmpty()) {
                    groups.add(GROUPS.get(random.nextInt(GROUPS.size())));
                }
            }
            String assignee = random.nextInt(3) == 0 ? null : USERS.get(random.nextInt(USERS.size()));
            Instant due = random.nextInt(4) == 0 ? null : NOW.plus(Duration.ofHours(random.nextInt(200) - 100));
            tasks.add(new Task(String.format("rmq-%04d", i), groups, Phase.values()[random.nextInt(3)], "RMQ-" + (i % 40),
                    NAMES.get(random.nextInt(NAMES.size())), assignee, NOW.minus(Duration.ofMinutes(random.nextInt(50) * 7L)), due));
        }

        List<Set<String>> actors = List.of(Set.of("rmq-a"), Set.of("rmq-a", "rmq-c"), Set.of("rmq-b", "rmq-c", "rmq-d"), Set.of());
        List<WorkItemQuery> queries = new ArrayList<>();
        for (SortBy sort : SortBy.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                queries.add(WorkItemQuery.inbox().sortedBy(sort, ascending));
            }
        }
        queries.add(WorkItemQuery.inbox().withScope(Scope.MINE));
        queries.add(WorkItemQuery.inbox().withScope(Scope.UNASSIGNED).sortedBy(SortBy.NAME, false));
        queries.add(WorkItemQuery.inbox().withOverdueOnly(true));
        queries.add(WorkItemQuery.inbox().withPhase(Optional.of(Phase.TRAINING)).sortedBy(SortBy.CREATED, false));
        queries.add(WorkItemQuery.inbox().forCase("RMQ-7"));

        transactions.executeWithoutResult(tx -> {
            insert(tasks);
            int checked = 0;
            for (Set<String> groups : actors) {
                for (WorkItemQuery query : queries) {
                    List<String> expected = expected(tasks, groups, "rmq.me", query);
                    assertThat(readModel.count(groups, "rmq.me", query, NOW)).as("count for %s %s", groups, query).isEqualTo(expected.size());
                    for (int limit : new int[] {0, 5, expected.size() - 1, expected.size(), expected.size() + 3}) {
                        assertThat(readModel.countUpTo(groups, "rmq.me", query, NOW, limit)).as("count up to %d for %s %s", limit, groups, query)
                                .isEqualTo(Math.min(expected.size(), Math.max(0, limit) + 1));
                    }
                    for (int offset : new int[] {0, 7, 20, 45, expected.size()}) {
                        List<String> page = readModel.page(groups, "rmq.me", query, NOW, offset, 10).stream().map(TaskReadModel.Row::taskId)
                                .toList();
                        assertThat(page).as("page at %d for %s %s", offset, groups, query)
                                .containsExactlyElementsOf(expected.subList(Math.min(offset, expected.size()),
                                        Math.min(offset + 10, expected.size())));
                        checked++;
                    }
                }
            }
            int single = 0;
            for (Set<String> groups : actors) {
                for (Task task : tasks) {
                    boolean visible = task.groups().stream().anyMatch(groups::contains) || "rmq.me".equals(task.assignee());
                    Optional<TaskReadModel.Row> row = readModel.visibleRow(task.id(), groups, "rmq.me");
                    assertThat(row.map(TaskReadModel.Row::taskId)).as("single task %s for %s", task.id(), groups)
                            .isEqualTo(visible ? Optional.of(task.id()) : Optional.empty());
                    row.ifPresent(r -> assertThat(r.assignee()).as("assignee of %s", task.id()).isEqualTo(task.assignee()));
                    assertThat(readModel.candidateGroups(task.id())).as("groups of %s", task.id())
                            .containsExactlyInAnyOrderElementsOf(task.groups().stream().filter(g -> !g.isEmpty()).toList());
                    single += visible ? 1 : 0;
                }
            }
            assertThat(single).as("some tasks visible, some not").isBetween(1, actors.size() * tasks.size() - 1);
            assertThat(checked).isEqualTo(actors.size() * queries.size() * 5);
            tx.setRollbackOnly();
        });
    }

    private void insert(List<Task> tasks) {
        for (Task task : tasks) {
            for (int rank = 0; rank < task.groups().size(); rank++) {
                db.sql("INSERT INTO workflow_task (task_id, candidate_group, group_rank, process_instance_id, process_definition_id, "
                        + "process_key, business_key, definition_key, name, assignee, created_at, due_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'Task_X', ?, ?, ?, ?)")
                        .params(task.id(), task.groups().get(rank), rank, "pi-" + task.id(), task.phase().processKey() + ":1:rmq",
                                task.phase().processKey(), task.businessKey(), task.name(), task.assignee(), Timestamp.from(task.created()),
                                task.due() == null ? null : Timestamp.from(task.due()))
                        .update();
            }
        }
    }

    /** The rule, plainly: visible through a group or personally, filtered, sorted as PostgreSQL sorts (nulls count as largest). */
    private static List<String> expected(List<Task> tasks, Set<String> groups, String user, WorkItemQuery query) {
        Function<Task, Comparable> key = switch (query.sortBy()) {
            case CREATED -> Task::created;
            case NAME -> Task::name;
            default -> Task::due;
        };
        @SuppressWarnings("unchecked")
        Comparator<Task> order = Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
        order = order.thenComparing(Task::created).thenComparing(Task::id);
        if (!query.ascending()) {
            order = order.reversed();
        }
        return tasks.stream()
                .filter(t -> t.groups().stream().anyMatch(groups::contains) || user.equals(t.assignee()))
                .filter(t -> switch (query.scope()) {
                    case MINE -> user.equals(t.assignee());
                    case UNASSIGNED -> t.assignee() == null;
                    default -> true;
                })
                .filter(t -> !query.overdueOnly() || (t.due() != null && t.due().isBefore(NOW)))
                .filter(t -> query.phase().map(p -> p == t.phase()).orElse(true))
                .filter(t -> query.caseReference().map(r -> r.equals(t.businessKey())).orElse(true))
                .sorted(order).map(Task::id).toList();
    }
}
