package nl.steunpunt.buddy.ui.metrics;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.metrics.Count;
import nl.steunpunt.buddy.metrics.Dashboard;
import nl.steunpunt.buddy.metrics.Measure;
import nl.steunpunt.buddy.metrics.MetricsCsv;
import nl.steunpunt.buddy.metrics.MetricsCsv.Figure;
import nl.steunpunt.buddy.metrics.MetricsDashboard;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * The manager's dashboard: for one of her regions or all of them together and a period, the
 * funnel, lead times, open and overdue work, capacity, the parents' and the buddies' evaluation
 * scores, intervisie attendance, and the themes of contact logs and of intervisie sessions. Each figure as a chart, beside it the same as a table, and as CSV. Counts below
 * five read "&lt; 5"; there are no names on it.
 */
@Route("dashboard")
@RolesAllowed({ "MANAGER", "ADMIN" })
@Menu(order = 7.5, title = "menu.dashboard")
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private final MetricsDashboard metrics;
    private final Regions regions;
    private final Select<List<RegionCode>> scope = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final List<Section> sections = new ArrayList<>();
    private Dashboard dashboard;

    /** One figure on screen: its chart, its table and its CSV link. */
    private record Section(Figure figure, BuddyChart chart, Grid<List<String>> table, Anchor csv) {
    }

    public DashboardView(MetricsDashboard metrics, Regions regions, Clock clock) {
        this.metrics = metrics;
        this.regions = regions;
        setMaxWidth("70em");
        add(new H2(getTranslation("metrics.title")), new Paragraph(getTranslation("metrics.explain", Count.MINIMUM)));

        List<RegionCode> mine = metrics.regions();
        List<List<RegionCode>> choices = new ArrayList<>();
        if (mine.size() > 1) {
            choices.add(mine);
        }
        mine.forEach(region -> choices.add(List.of(region)));
        scope.setId("metrics-scope");
        scope.setLabel(getTranslation("metrics.scope"));
        scope.setItems(choices);
        scope.setItemLabelGenerator(this::scopeName);
        LocalDate today = LocalDate.now(clock);
        from.setId("metrics-from");
        from.setLabel(getTranslation("metrics.from"));
        from.setLocale(getLocale());
        from.setValue(today.minusYears(1).plusDays(1));
        to.setId("metrics-to");
        to.setLabel(getTranslation("metrics.to"));
        to.setLocale(getLocale());
        to.setValue(today);
        HorizontalLayout bar = new HorizontalLayout(scope, from, to);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(bar);

        for (Figure figure : Figure.values()) {
            String key = key(figure);
            BuddyChart chart = new BuddyChart();
            chart.setId("metrics-" + key + "-chart");
            Grid<List<String>> table = new Grid<>();
            table.setId("metrics-" + key + "-table");
            table.setAllRowsVisible(true);
            table.setAriaLabel(getTranslation("metrics." + key + ".title"));
            Anchor csv = new Anchor();
            csv.setId("metrics-" + key + "-csv");
            csv.setText(getTranslation("metrics.csv"));
            csv.getElement().setAttribute("download", true);
            csv.setHref(DownloadHandler.fromInputStream(event -> {
                if (dashboard == null) {
                    return DownloadResponse.error(404);
                }
                byte[] bytes = csv(figure);
                return new DownloadResponse(new ByteArrayInputStream(bytes), "dashboard-" + key + ".csv", "text/csv;charset=UTF-8", bytes.length);
            }));
            add(new H3(getTranslation("metrics." + key + ".title")), new Paragraph(getTranslation("metrics." + key + ".explain")), chart,
                    table, csv);
            sections.add(new Section(figure, chart, table, csv));
        }

        scope.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        if (choices.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("metrics.no-region"));
            none.setId("metrics-none");
            add(none);
            sections.forEach(s -> s.csv().setEnabled(false));
        } else {
            scope.setValue(choices.get(0));
        }
    }

    /** The figures on screen. */
    Dashboard dashboard() {
        return dashboard;
    }

    /** What the figure's CSV link downloads. */
    byte[] csv(Figure figure) {
        return MetricsCsv.csv(dashboard, figure);
    }

    private void refresh() {
        if (scope.getValue() == null || from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            dashboard = metrics.load(scope.getValue(), from.getValue(), to.getValue());
        } catch (TranslatableException e) {
            dashboard = null;
            sections.forEach(s -> {
                s.table().setItems(List.of());
                s.csv().setEnabled(false);
            });
            Notifications.error(e);
            return;
        }
        for (Section section : sections) {
            fill(section);
            section.csv().setEnabled(true);
        }
    }

    private void fill(Section section) {
        switch (section.figure()) {
            case FUNNEL -> {
                List<String> labels = dashboard.funnel().stream().map(s -> getTranslation("metrics.funnel." + s.key())).toList();
                section.chart().setSpec(chart(false, labels,
                        List.of(series("metrics.funnel.count", dashboard.funnel(), s -> count(s.count())))));
                table(section, List.of("metrics.funnel.stage", "metrics.funnel.count"),
                        dashboard.funnel().stream().map(s -> List.of(getTranslation("metrics.funnel." + s.key()), s.count().text())).toList());
            }
            case LEAD_TIMES -> {
                List<String> labels = dashboard.leadTimes().stream().map(l -> getTranslation("metrics.lead-times." + l.key())).toList();
                section.chart().setSpec(chart(true, labels, List.of(
                        series("metrics.lead-times.p50", dashboard.leadTimes(), l -> measure(l.p50())),
                        series("metrics.lead-times.p90", dashboard.leadTimes(), l -> measure(l.p90())))));
                table(section, List.of("metrics.lead-times.kind", "metrics.lead-times.cases", "metrics.lead-times.p50", "metrics.lead-times.p90"),
                        dashboard.leadTimes().stream().map(l -> List.of(getTranslation("metrics.lead-times." + l.key()), l.cases().text(),
                                l.p50().text(), l.p90().text())).toList());
            }
            case TASKS -> {
                List<String> labels = dashboard.tasks().stream().map(Dashboard.TaskLoad::taskName).toList();
                section.chart().setSpec(chart(true, labels, List.of(
                        series("metrics.tasks.open", dashboard.tasks(), t -> count(t.open())),
                        series("metrics.tasks.overdue", dashboard.tasks(), t -> count(t.overdue())))));
                table(section, List.of("metrics.tasks.task", "metrics.tasks.open", "metrics.tasks.overdue"),
                        dashboard.tasks().stream().map(t -> List.of(t.taskName(), t.open().text(), t.overdue().text())).toList());
            }
            case CAPACITY -> {
                Dashboard.CapacityUse c = dashboard.capacity();
                section.chart().setSpec(chart(true,
                        List.of(getTranslation("metrics.capacity.active"), getTranslation("metrics.capacity.places")),
                        List.of(new ChartSpec.Series(getTranslation("metrics.capacity.title"),
                                java.util.Arrays.asList(count(c.activeMatches()), count(c.places()))))));
                table(section, List.of("metrics.capacity.active", "metrics.capacity.buddies", "metrics.capacity.places",
                        "metrics.capacity.percent"),
                        List.of(List.of(c.activeMatches().text(), c.buddies().text(), c.places().text(), c.percentUsed().text())));
            }
            case EVALUATIONS -> {
                Dashboard.EvaluationScores e = dashboard.evaluations();
                List<String> questions = List.of("metrics.evaluations.felt-heard", "metrics.evaluations.regained-control",
                        "metrics.evaluations.school-cooperation");
                section.chart().setSpec(chart(true, questions.stream().map(this::getTranslation).toList(),
                        List.of(new ChartSpec.Series(getTranslation("metrics.evaluations.average"),
                                java.util.Arrays.asList(measure(e.feltHeard()), measure(e.regainedControl()), measure(e.schoolCooperation()))))));
                List<String> header = new ArrayList<>(List.of("metrics.evaluations.count"));
                header.addAll(questions);
                table(section, header, List.of(List.of(e.evaluations().text(), e.feltHeard().text(), e.regainedControl().text(),
                        e.schoolCooperation().text())));
            }
            case BUDDY_EVALUATIONS -> {
                Dashboard.BuddyEvaluationScores b = dashboard.buddyEvaluations();
                List<String> questions = List.of("metrics.buddy-evaluations.prepared", "metrics.buddy-evaluations.supported",
                        "metrics.buddy-evaluations.parent-contact", "metrics.buddy-evaluations.school-cooperation",
                        "metrics.buddy-evaluations.parent-in-control");
                section.chart().setSpec(chart(true, questions.stream().map(this::getTranslation).toList(),
                        List.of(new ChartSpec.Series(getTranslation("metrics.evaluations.average"), java.util.Arrays.asList(
                                measure(b.prepared()), measure(b.supported()), measure(b.parentContact()), measure(b.schoolCooperation()),
                                measure(b.parentInControl()))))));
                List<String> header = new ArrayList<>(List.of("metrics.evaluations.count"));
                header.addAll(questions);
                table(section, header, List.of(List.of(b.evaluations().text(), b.prepared().text(), b.supported().text(),
                        b.parentContact().text(), b.schoolCooperation().text(), b.parentInControl().text())));
            }
            case INTERVISIE -> {
                Dashboard.IntervisieAttendance i = dashboard.intervisie();
                section.chart().setSpec(chart(true, List.of(getTranslation("metrics.intervisie.percent")),
                        List.of(new ChartSpec.Series(getTranslation("metrics.intervisie.percent"),
                                java.util.Arrays.asList(measure(i.percentPresent()))))));
                table(section, List.of("metrics.intervisie.sessions", "metrics.intervisie.attendances", "metrics.intervisie.percent"),
                        List.of(List.of(i.sessions().text(), i.attendances().text(), i.percentPresent().text())));
            }
            case THEMES -> {
                List<String> labels = dashboard.themes().stream().map(Dashboard.ThemeCount::themeName).toList();
                section.chart().setSpec(chart(true, labels, List.of(
                        series("metrics.themes.matches", dashboard.themes(), t -> count(t.matches())),
                        series("metrics.themes.mentions", dashboard.themes(), t -> count(t.mentions())))));
                table(section, List.of("metrics.themes.theme", "metrics.themes.matches", "metrics.themes.mentions"),
                        dashboard.themes().stream().map(t -> List.of(t.themeName(), t.matches().text(), t.mentions().text())).toList());
            }
            case SESSION_THEMES -> {
                List<String> labels = dashboard.sessionThemes().stream().map(Dashboard.SessionThemeCount::themeName).toList();
                section.chart().setSpec(chart(true, labels, List.of(
                        series("metrics.session-themes.sessions", dashboard.sessionThemes(), t -> count(t.sessions())))));
                table(section, List.of("metrics.themes.theme", "metrics.session-themes.sessions"),
                        dashboard.sessionThemes().stream().map(t -> List.of(t.themeName(), t.sessions().text())).toList());
            }
        }
    }

    private void table(Section section, List<String> headerKeys, List<List<String>> rows) {
        Grid<List<String>> table = section.table();
        if (table.getColumns().isEmpty()) {
            for (int i = 0; i < headerKeys.size(); i++) {
                int index = i;
                table.addColumn(row -> row.get(index)).setKey("c" + i).setHeader(getTranslation(headerKeys.get(i))).setAutoWidth(true);
            }
        }
        table.setItems(rows);
    }

    /** A bar chart whose suppressed values say so in their tooltip. */
    private ChartSpec chart(boolean horizontal, List<String> labels, List<ChartSpec.Series> series) {
        return new ChartSpec(horizontal, labels, series, getTranslation("metrics.chart.suppressed", Count.MINIMUM));
    }

    private <T> ChartSpec.Series series(String labelKey, List<T> items, Function<T, Double> value) {
        return new ChartSpec.Series(getTranslation(labelKey), items.stream().map(value).toList());
    }

    private static Double count(Count count) {
        return count.value().isPresent() ? (double) count.value().getAsLong() : null;
    }

    private static Double measure(Measure measure) {
        return measure.value().isPresent() ? measure.value().getAsDouble() : null;
    }

    private String scopeName(List<RegionCode> codes) {
        if (codes.size() > 1) {
            return getTranslation("metrics.scope.all");
        }
        return regions.find(codes.get(0)).map(Region::name).orElse(codes.get(0).value());
    }

    private static String key(Figure figure) {
        return figure.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String getPageTitle() {
        return getTranslation("metrics.title") + " · " + getTranslation("app.name");
    }
}
