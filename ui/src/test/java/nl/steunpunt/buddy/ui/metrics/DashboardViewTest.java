package nl.steunpunt.buddy.ui.metrics;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;

import nl.steunpunt.buddy.metrics.MetricsCsv.Figure;
import nl.steunpunt.buddy.metrics.MetricsDashboard;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.KaribuTest;
import nl.steunpunt.buddy.ui.MatchingWorld;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;

/** The dashboard screen on a read model filled by the test: filters, suppression, CSV and who may see which region. */
class DashboardViewTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired MetricsDashboard metrics;
    @Autowired LocalAccounts accounts;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @Test
    void the_filters_change_the_figures_small_counts_read_less_than_five_and_each_csv_holds_its_table() {
        MatchingWorld.Scene a = matching.scene();
        MatchingWorld.Scene b = matching.scene();
        String manager = manager(a.region(), b.region());
        Instant recent = clock.instant().minus(Duration.ofDays(10));
        applications(a.region(), 6, recent);
        applications(a.region(), 3, clock.instant().minus(Duration.ofDays(800)));
        applications(b.region(), 4, recent);
        for (int i = 0; i < 6; i++) {
            openTask(a.region(), i < 2 ? clock.instant().minus(Duration.ofDays(1)) : clock.instant().plus(Duration.ofDays(3)));
        }

        openAppAs(manager);
        UI.getCurrent().navigate(DashboardView.class);
        @SuppressWarnings("unchecked")
        Select<List<RegionCode>> scope = _get(Select.class, spec -> spec.withId("metrics-scope"));
        List<RegionCode> both = new ArrayList<>(List.of(a.region(), b.region()));
        both.sort(null);
        assertThat(scope.getListDataView().getItems().toList()).containsExactly(both, List.of(both.get(0)), List.of(both.get(1)));
        assertThat(scope.getValue()).isEqualTo(both);
        // Together 6 + 4: the total would give region B's 4 away, so it reads "< 5" too.
        assertThat(row("metrics-funnel-table", "Aangemeld")).containsExactly("Aangemeld", "< 5");

        _setValue(scope, List.of(a.region()));
        assertThat(row("metrics-funnel-table", "Aangemeld")).containsExactly("Aangemeld", "6");
        assertThat(row("metrics-tasks-table", "Aanmelding beoordelen")).containsExactly("Aanmelding beoordelen", "6", "< 5");
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("metrics-from"));
        LocalDate today = LocalDate.now(clock);
        _setValue(from, today.minusYears(3));
        assertThat(row("metrics-funnel-table", "Aangemeld")).containsExactly("Aangemeld", "9");

        DashboardView view = _get(DashboardView.class);
        List<String> funnel = new String(view.csv(Figure.FUNNEL), StandardCharsets.UTF_8).lines().toList();
        assertThat(funnel.get(0)).isEqualTo("\uFEFFregio;van;tot_en_met;fase;aantal");
        assertThat(funnel).contains(a.region().value() + ";" + today.minusYears(3) + ";" + today + ";applied;9",
                a.region().value() + ";" + today.minusYears(3) + ";" + today + ";selected;< 5");
        assertThat(new String(view.csv(Figure.TASKS), StandardCharsets.UTF_8))
                .contains(";RecruitmentProcess;Task_ScreenApplication;Aanmelding beoordelen;6;< 5");

        // Region B: four read "< 5", five read "5".
        _setValue(scope, List.of(b.region()));
        assertThat(row("metrics-funnel-table", "Aangemeld")).containsExactly("Aangemeld", "< 5");
        applications(b.region(), 1, recent);
        _setValue(from, today.minusYears(2));
        assertThat(row("metrics-funnel-table", "Aangemeld")).containsExactly("Aangemeld", "5");
        // Now both regions have at least five in the period: their total (6 + 5) is shown.
        _setValue(scope, both);
        assertThat(row("metrics-funnel-table", "Aangemeld")).containsExactly("Aangemeld", "11");
        assertThat(DashboardFlowTest.renderedText()).contains("<buddy-chart", "Van aanmelding tot afsluiting", "Download als CSV");
    }

    @Test
    void a_suppressed_figure_reaches_the_chart_as_null_with_its_marker_and_note_not_as_zero() throws Exception {
        MatchingWorld.Scene a = matching.scene();
        String manager = manager(a.region());
        applications(a.region(), 6, clock.instant().minus(Duration.ofDays(10)));

        openAppAs(manager);
        UI.getCurrent().navigate(DashboardView.class);
        BuddyChart chart = _get(BuddyChart.class, spec -> spec.withId("metrics-funnel-chart"));
        // Applied 6; selected 2, certified, matched and closed none: all but the first suppressed.
        assertThat(chart.getSpec().series().get(0).values()).containsExactly(6.0, null, null, null, null);
        assertThat(chart.getSpec().hasSuppressed()).isTrue();
        com.fasterxml.jackson.databind.JsonNode config = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(chart.getElement().getProperty("config"));
        assertThat(config.at("/data/datasets/0/data").toString()).isEqualTo("[6.0,null,null,null,null]");
        assertThat(config.at("/options/plugins/buddySuppressed/label").asText()).isEqualTo("< 5");
        assertThat(config.at("/options/plugins/buddySuppressed/note").asText()).isEqualTo(
                "Minder dan 5 gevallen: niet getoond, zodat niemand herkenbaar is");
        assertThat(row("metrics-funnel-table", "Geselecteerd")).containsExactly("Geselecteerd", "< 5");

        BuddyChart buddyEvaluations = _get(BuddyChart.class, spec -> spec.withId("metrics-buddy-evaluations-chart"));
        assertThat(buddyEvaluations.getSpec().series().get(0).values()).hasSize(5).containsOnlyNulls();
        BuddyChart sessionThemes = _get(BuddyChart.class, spec -> spec.withId("metrics-session-themes-chart"));
        assertThat(sessionThemes.getSpec().labels()).isEmpty();
    }

    @Test
    void a_manager_of_another_region_is_refused_and_nobody_but_managers_and_administrators_sees_figures() {
        MatchingWorld.Scene a = matching.scene();
        MatchingWorld.Scene b = matching.scene();
        String managerB = manager(b.region());
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> world.as(managerB, () -> metrics.load(List.of(a.region()), today.minusMonths(1), today)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.as(managerB, () -> metrics.load(List.of(a.region(), b.region()), today.minusMonths(1), today)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.as(a.coordinator(), () -> metrics.load(List.of(a.region()), today.minusMonths(1), today)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.as(managerB, () -> metrics.load(List.of(b.region()), today, today.minusDays(1))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(world.as(managerB, () -> metrics.load(List.of(b.region()), today.minusMonths(1), today)).regions())
                .containsExactly(b.region());
        assertThat(world.as(a.admin(), () -> metrics.regions())).contains(a.region(), b.region());

        openAppAs(managerB);
        UI.getCurrent().navigate(DashboardView.class);
        @SuppressWarnings("unchecked")
        Select<List<RegionCode>> scope = _get(Select.class, spec -> spec.withId("metrics-scope"));
        assertThat(scope.getListDataView().getItems().toList()).containsExactly(List.of(b.region()));
        world.signOut();
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();

        openAppAs(a.coordinator());
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(DashboardView.class);
    }

    private String manager(RegionCode... regions) {
        String username = "manager.dash." + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        accounts.save(username, "Manager Dashboard", TestWorld.PASSWORD, Set.of(Role.MANAGER), Set.of(regions));
        return username;
    }

    private void applications(RegionCode region, int count, Instant appliedAt) {
        for (int i = 0; i < count; i++) {
            db.sql("INSERT INTO metrics_application (application_id, region_code, applied_at, selected_at) VALUES (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), region.value(), Timestamp.from(appliedAt), i < 2 ? Timestamp.from(appliedAt) : null).update();
        }
    }

    private void openTask(RegionCode region, Instant due) {
        db.sql("INSERT INTO metrics_task (task_id, task_key, task_name, process_key, region_code, created_at, due_at) "
                + "VALUES (?, 'Task_ScreenApplication', 'Aanmelding beoordelen', 'RecruitmentProcess', ?, ?, ?)")
                .params("test-" + UUID.randomUUID(), region.value(), Timestamp.from(clock.instant().minus(Duration.ofDays(5))),
                        Timestamp.from(due)).update();
    }

    private static List<String> row(String tableId, String first) {
        @SuppressWarnings("unchecked")
        Grid<List<String>> grid = _get(Grid.class, spec -> spec.withId(tableId));
        for (int i = 0; i < GridKt._size(grid); i++) {
            List<String> row = GridKt._getFormattedRow(grid, i);
            if (row.get(0).equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in " + tableId);
    }
}
