package nl.steunpunt.buddy.ui.metrics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;

/**
 * A chart drawn in the browser by chart.js (npm, served as static resources so the app needs no frontend
 * build), wrapped as the web component {@code buddy-chart};
 * the server hands it a {@link ChartSpec}. The chart is decoration for the eye: the view shows the
 * same figures as a table beside it.
 */
@Tag("buddy-chart")
public class BuddyChart extends Component implements HasSize {

    /** chart.js from npm ({@code dist/chart.umd.min.js}, see the folder's README), then the element itself. */
    private static final String BASE = "context://chartjs/";

    private ChartSpec spec;

    public BuddyChart() {
        getElement().setAttribute("aria-hidden", "true");
        addAttachListener(event -> {
            event.getUI().getPage().addJavaScript(BASE + "chart.umd.min.js");
            event.getUI().getPage().addJavaScript(BASE + "buddy-chart.js");
        });
    }

    public void setSpec(ChartSpec spec) {
        this.spec = spec;
        getElement().setProperty("config", spec.toJson());
    }

    public ChartSpec getSpec() {
        return spec;
    }
}
