package nl.steunpunt.buddy.ui.metrics;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.metrics.Count;
import nl.steunpunt.buddy.metrics.Dashboard;
import nl.steunpunt.buddy.metrics.MetricsDashboard;
import nl.steunpunt.buddy.metrics.MetricsRebuild;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.ClosureWorld;
import nl.steunpunt.buddy.ui.ClosureWorld.Family;
import nl.steunpunt.buddy.ui.KaribuTest;
import nl.steunpunt.buddy.ui.MatchingWorld;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;

/**
 * The dashboard after lifecycles driven through the real flows, job executor on: the read model,
 * kept up to date by events, agrees with the engine's history and the modules' tables; a rebuild
 * gives the same model; and the manager's rendered dashboard holds none of the family's or the
 * buddies' personal data.
 */
class DashboardFlowTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired ClosureWorld closing;
    @Autowired MetricsDashboard metrics;
    @Autowired MetricsRebuild rebuild;
    @Autowired LocalAccounts accounts;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @Test
    void read_model_figures_equal_engine_history_and_module_tables_and_a_rebuild_gives_the_same_model() {
        MatchingWorld.Scene scene = matching.scene();
        String manager = "manager." + scene.region().value().toLowerCase(Locale.ROOT);
        accounts.save(manager, "Manager Flow", TestWorld.PASSWORD, Set.of(Role.MANAGER), Set.of(scene.region()));
        List<MatchingWorld.Buddy> buddies = matching.certifiedBuddies(scene, buddy("anna"), buddy("bram"), buddy("cato"), buddy("daan"),
                buddy("eva"));
        List<Family> families = new ArrayList<>();
        List<ClosureWorld.Case> cases = new ArrayList<>();
        for (int i = 0; i < buddies.size(); i++) {
            Family family = jansen();
            families.add(family);
            cases.add(closing.activeCase(scene, buddies.get(i), family, RequesterKind.PARENT, true, "nl"));
        }
        closing.end(cases.get(0), ClosureReason.GOAL_REACHED);
        String region = scene.region().value();

        // Tasks: the read model holds exactly the tasks of the region's processes that the engine's history holds.
        // (The engine notes a task's creation in its history a few milliseconds after the task's own creation time.)
        await().untilAsserted(() -> assertThat(readModelTasks(region)).isEqualTo(historyTasks(region)));
        Map<String, Instant> created = createdTimes(region);
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processVariableValueEquals("regionCode", region).list()) {
            assertThat(java.time.Duration.between(created.get(task.getId()), task.getStartTime().toInstant()).abs())
                    .isLessThan(java.time.Duration.ofSeconds(1));
        }
        await().untilAsserted(() -> assertThat(db.sql("SELECT count(*) FROM metrics_help_request WHERE region_code = ? AND active_at IS NOT NULL "
                + "AND ended_at IS NOT NULL").param(region).query(Long.class).single()).isEqualTo(1L));

        LocalDate today = LocalDate.now(clock);
        Dashboard dashboard = world.as(manager, () -> metrics.load(List.of(scene.region()), today.minusDays(30), today));

        // Funnel and lead times against the modules' own tables.
        assertThat(stage(dashboard, "applied")).isEqualTo(Count.of(count("SELECT count(*) FROM buddy_application WHERE region_code = ?", region)));
        assertThat(stage(dashboard, "applied").text()).isEqualTo("5");
        assertThat(stage(dashboard, "selected")).isEqualTo(Count.of(count(
                "SELECT count(*) FROM buddy_application WHERE region_code = ? AND decision = 'SELECTED'", region)));
        assertThat(stage(dashboard, "certified")).isEqualTo(Count.of(count(
                "SELECT count(*) FROM training_qualification q JOIN buddy_application a ON a.id = q.application_id WHERE a.region_code = ?", region)));
        assertThat(stage(dashboard, "matched")).isEqualTo(Count.of(count(
                "SELECT count(*) FROM buddy_match WHERE region_code = ? AND activated_at IS NOT NULL", region)));
        assertThat(stage(dashboard, "matched").text()).isEqualTo("5");
        assertThat(stage(dashboard, "closed").text()).isEqualTo(Count.SUPPRESSED);
        List<Double> waits = db.sql("SELECT extract(epoch FROM m.activated_at - r.submitted_at) / 86400.0 FROM buddy_match m "
                + "JOIN help_request r ON r.id = m.request_id WHERE m.region_code = ? AND m.activated_at IS NOT NULL").param(region)
                .query(Double.class).list();
        Dashboard.LeadTime requestToActive = dashboard.leadTimes().stream().filter(l -> l.key().equals("request-active")).findFirst().orElseThrow();
        assertThat(requestToActive.cases().text()).isEqualTo("5");
        assertThat(requestToActive.p50().value().getAsDouble()).isCloseTo(percentile(waits, 0.5), org.assertj.core.data.Offset.offset(0.051));
        assertThat(requestToActive.p90().value().getAsDouble()).isCloseTo(percentile(waits, 0.9), org.assertj.core.data.Offset.offset(0.051));
        assertThat(dashboard.leadTimes().stream().filter(l -> l.key().equals("match-duration")).findFirst().orElseThrow().p50().suppressed())
                .isTrue();

        // Open and overdue tasks per type against the engine's runtime.
        Instant at = dashboard.at();
        Map<String, long[]> engineOpen = new TreeMap<>();
        for (Task task : taskService.createTaskQuery().processVariableValueEquals("regionCode", region).list()) {
            long[] counts = engineOpen.computeIfAbsent(task.getTaskDefinitionKey(), k -> new long[2]);
            counts[0]++;
            if (task.getDueDate() != null && task.getDueDate().toInstant().isBefore(at)) {
                counts[1]++;
            }
        }
        Set<String> shownTypes = dashboard.tasks().stream().map(Dashboard.TaskLoad::taskKey).collect(Collectors.toSet());
        assertThat(shownTypes).isEqualTo(engineOpen.keySet());
        for (Dashboard.TaskLoad load : dashboard.tasks()) {
            assertThat(load.open()).isEqualTo(Count.of(engineOpen.get(load.taskKey())[0]));
            assertThat(load.overdue()).isEqualTo(Count.of(engineOpen.get(load.taskKey())[1]));
        }
        assertThat(dashboard.capacity().activeMatches().text()).isEqualTo(Count.SUPPRESSED);
        assertThat(dashboard.capacity().buddies().text()).isEqualTo("5");

        // A rebuild from the modules' tables and the engine's history gives the same read model.
        Map<String, List<String>> before = snapshot(region);
        assertThatThrownBy(() -> world.as(manager, () -> {
            rebuild.rebuild();
            return null;
        })).isInstanceOf(nl.steunpunt.buddy.shared.AccessDeniedException.class);
        world.as(scene.admin(), () -> {
            rebuild.rebuild();
            return null;
        });
        assertThat(snapshot(region)).isEqualTo(before);

        // The manager's dashboard on screen: figures, but nothing personal of the families or the buddies.
        openAppAs(manager);
        UI.getCurrent().navigate(DashboardView.class);
        String shown = renderedText();
        assertThat(shown).contains("Aangemeld", "Hulpvraag tot actieve koppeling");
        List<String> personal = new ArrayList<>();
        families.forEach(f -> personal.addAll(f.values()));
        personal.add("Jansen");
        for (MatchingWorld.Buddy b : buddies) {
            personal.addAll(List.of(b.username(), b.email(), b.id().value().toString()));
        }
        personal.addAll(List.of("Anna", "Bram", "Cato", "Daan", "0612345678", cases.get(0).reference(), cases.get(0).matchId().toString()));
        for (String value : personal) {
            assertThat(shown).as("the dashboard shows nothing personal").doesNotContain(value);
        }
    }

    /**
     * Everything the screen renders: every element's tag, text, attributes and properties, every
     * table's headers and rows, and every chart's configuration.
     */
    static String renderedText() {
        StringBuilder text = new StringBuilder();
        for (com.vaadin.flow.component.Component component : _find(com.vaadin.flow.component.Component.class)) {
            describe(component.getElement(), text);
        }
        for (Grid<?> grid : _find(Grid.class)) {
            grid.getColumns().forEach(c -> text.append('\n').append(c.getHeaderText()));
            for (int i = 0; i < GridKt._size(grid); i++) {
                text.append('\n').append(String.join(";", GridKt._getFormattedRow(grid, i)));
            }
        }
        for (BuddyChart chart : _find(BuddyChart.class)) {
            text.append('\n').append(chart.getSpec() == null ? "" : chart.getSpec().toJson());
        }
        return text.toString();
    }

    /** One element: its tag, attributes and properties, and the text nodes directly under it. */
    private static void describe(com.vaadin.flow.dom.Element element, StringBuilder out) {
        out.append('<').append(element.getTag());
        element.getAttributeNames().forEach(name -> out.append(' ').append(name).append('=').append(element.getAttribute(name)));
        element.getPropertyNames().forEach(name -> out.append(' ').append(name).append('=').append(element.getPropertyRaw(name)));
        out.append(">\n");
        element.getChildren().filter(com.vaadin.flow.dom.Element::isTextNode).forEach(child -> out.append(child.getText()).append('\n'));
    }

    private static Family jansen() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return new Family("Jansen " + tag, "jansen." + tag + "@example.org", "06" + (10_000_000 + Math.abs(tag.hashCode() % 89_999_999)),
                "Pieter" + tag, "Basisschool De Linde " + tag, "Ons kind " + tag + " zit thuis.", "Intake " + tag, "Gebeld " + tag,
                "Kennismaking " + tag, "Klaar " + tag);
    }

    private static Count stage(Dashboard dashboard, String key) {
        return dashboard.funnel().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().count();
    }

    private long count(String sql, String region) {
        return db.sql(sql).param(region).query(Long.class).single();
    }

    private Map<String, String> readModelTasks(String region) {
        Map<String, String> tasks = new TreeMap<>();
        db.sql("SELECT task_id, task_key, process_key, ended_at IS NULL, completed, due_at FROM metrics_task WHERE region_code = ?")
                .param(region).query((java.sql.ResultSet rs) -> {
                    tasks.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3) + "/" + (rs.getBoolean(4) ? "open" : "ended") + "/"
                            + rs.getBoolean(5) + "/" + (rs.getTimestamp(6) == null ? "-" : rs.getTimestamp(6).toInstant()));
                });
        return tasks;
    }

    private Map<String, Instant> createdTimes(String region) {
        Map<String, Instant> created = new TreeMap<>();
        db.sql("SELECT task_id, created_at FROM metrics_task WHERE region_code = ?").param(region)
                .query((java.sql.ResultSet rs) -> {
                    created.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return created;
    }

    private Map<String, String> historyTasks(String region) {
        Map<String, String> tasks = new TreeMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processVariableValueEquals("regionCode", region).list()) {
            tasks.put(task.getId(), task.getTaskDefinitionKey() + "/" + task.getProcessDefinitionKey() + "/"
                    + (task.getEndTime() == null ? "open" : "ended") + "/" + (task.getEndTime() != null && "completed".equals(task.getDeleteReason()))
                    + "/" + (task.getDueDate() == null ? "-" : task.getDueDate().toInstant()));
        }
        return tasks;
    }

    /** The region's rows of the read model as text; of a task not the moments it was created and ended, which the history notes a few milliseconds apart. */
    private Map<String, List<String>> snapshot(String region) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : List.of("metrics_application", "metrics_help_request", "metrics_buddy", "metrics_evaluation",
                "metrics_intervisie_session", "metrics_signal", "metrics_buddy_evaluation", "metrics_intervisie_theme")) {
            rows.put(table, db.sql("SELECT t::text FROM " + table + " t WHERE region_code = ? ORDER BY 1").param(region).query(String.class).list());
        }
        rows.put("metrics_task", db.sql("SELECT task_id || task_key || process_key || COALESCE(due_at::text, '-') "
                + "|| (ended_at IS NULL) || completed FROM metrics_task WHERE region_code = ? ORDER BY 1")
                .param(region).query(String.class).list());
        return rows;
    }

    private static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }
}
