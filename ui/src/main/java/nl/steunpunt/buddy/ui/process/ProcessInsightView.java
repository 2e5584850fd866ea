package nl.steunpunt.buddy.ui.process;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.workflow.ProcessHeatmap;
import nl.steunpunt.buddy.workflow.ProcessHeatmap.ActivityWait;
import nl.steunpunt.buddy.workflow.ProcessInsight;
import nl.steunpunt.buddy.workflow.ProcessInsight.ProcessModel;

/**
 * Where cases wait longest, per process model: the average waiting time of every user task and
 * waiting event drawn on the model as heat, and a table beside it with count, average and 90th
 * percentile. Figures over fewer than five cases are suppressed. No names, no cases.
 */
@Route("procesinzicht")
@RolesAllowed({ "MANAGER", "ADMIN" })
@Menu(order = 8.5, title = "menu.process-insight")
public class ProcessInsightView extends VerticalLayout implements HasDynamicTitle {

    private final ProcessInsight insight;
    private final Select<ProcessModel> model = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final BpmnDiagram diagram = new BpmnDiagram();
    private final Grid<ActivityWait> table = new Grid<>();
    private final Paragraph empty = new Paragraph();

    public ProcessInsightView(ProcessInsight insight, Clock clock) {
        this.insight = insight;
        setMaxWidth("90em");
        add(new H2(getTranslation("insight.title")), new Paragraph(getTranslation("insight.intro", ProcessHeatmap.MINIMUM_COUNT)));

        List<ProcessModel> models = insight.models();
        model.setId("insight-model");
        model.setLabel(getTranslation("insight.model"));
        model.setItems(models);
        model.setItemLabelGenerator(m -> CaseDiagramPanel.processName(this, m.key(), m.name()));
        LocalDate today = LocalDate.now(clock);
        from.setId("insight-from");
        from.setLabel(getTranslation("insight.from"));
        from.setValue(today.minusYears(1));
        to.setId("insight-to");
        to.setLabel(getTranslation("insight.to"));
        to.setValue(today);
        HorizontalLayout filters = new HorizontalLayout(model, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        diagram.setId("insight-diagram");
        table.setId("insight-grid");
        table.addColumn(w -> Labels.of(this, "task." + w.activityId(), w.name())).setKey("activity")
                .setHeader(getTranslation("insight.activity")).setFlexGrow(2);
        table.addColumn(w -> w.figures().map(f -> String.valueOf(f.count()))
                .orElseGet(() -> getTranslation("insight.suppressed", ProcessHeatmap.MINIMUM_COUNT)))
                .setKey("count").setHeader(getTranslation("insight.count")).setAutoWidth(true);
        table.addColumn(w -> w.figures().map(f -> duration(this, f.average())).orElse("—")).setKey("average")
                .setHeader(getTranslation("insight.average")).setAutoWidth(true);
        table.addColumn(w -> w.figures().map(f -> duration(this, f.p90())).orElse("—")).setKey("p90")
                .setHeader(getTranslation("insight.p90")).setAutoWidth(true);
        table.setAllRowsVisible(true);
        empty.setId("insight-empty");
        empty.setText(getTranslation("insight.empty"));
        empty.setVisible(false);

        model.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        add(filters, diagram, empty, table);
        if (!models.isEmpty()) {
            model.setValue(models.get(0));
        }
    }

    private void refresh() {
        if (model.getValue() == null || from.getValue() == null || to.getValue() == null) {
            return;
        }
        ProcessHeatmap heatmap;
        try {
            heatmap = insight.heatmap(model.getValue().key(), from.getValue(), to.getValue());
        } catch (TranslatableException e) {
            Notifications.error(e);
            return;
        }
        Map<String, Double> averages = heatmap.averageSeconds();
        double hottest = averages.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Map<String, Double> heat = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ActivityWait wait : heatmap.activities()) {
            wait.figures().ifPresentOrElse(figures -> {
                heat.put(wait.activityId(), hottest <= 0 ? 0 : averages.get(wait.activityId()) / hottest);
                labels.put(wait.activityId(), getTranslation("insight.label", duration(this, figures.average()), figures.count()));
            }, () -> labels.put(wait.activityId(), getTranslation("insight.suppressed", ProcessHeatmap.MINIMUM_COUNT)));
        }
        diagram.setXml(heatmap.bpmnXml());
        diagram.setHeat(heat, labels);
        table.setItems(heatmap.activities());
        empty.setVisible(heatmap.activities().isEmpty());
    }

    /** A waiting time in days and hours, hours and minutes, or minutes. */
    static String duration(Component component, Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 24 * 60) {
            return component.getTranslation("duration.days", minutes / (24 * 60), (minutes % (24 * 60)) / 60);
        }
        if (minutes >= 60) {
            return component.getTranslation("duration.hours", minutes / 60, minutes % 60);
        }
        return component.getTranslation("duration.minutes", minutes);
    }


    @Override
    public String getPageTitle() {
        return getTranslation("insight.title") + " · " + getTranslation("app.name");
    }
}
