package nl.steunpunt.buddy.ui.metrics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A chart drawn in the browser by chart.js (npm), wrapped as the web component {@code buddy-chart};
 * the server hands it a {@link ChartSpec}. The chart is decoration for the eye: the view shows the
 * same figures as a table beside it.
 */
@Tag("buddy-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./components/buddy-chart.ts")
public class BuddyChart extends Component implements HasSize {

    private ChartSpec spec;

    public BuddyChart() {
        getElement().setAttribute("aria-hidden", "true");
    }

    public void setSpec(ChartSpec spec) {
        this.spec = spec;
        getElement().setProperty("config", spec.toJson());
    }

    public ChartSpec getSpec() {
        return spec;
    }
}
