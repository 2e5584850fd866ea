package nl.steunpunt.buddy.ui.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.page.Page;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;

/**
 * A read-only BPMN diagram drawn in the browser by bpmn-js (its NavigatedViewer: pan and zoom, no
 * editing), served as static resources and added to the page when the diagram is attached, so the
 * application needs no frontend build of its own. The current activities are highlighted, the path
 * taken is marked, and a heat map (element ID → value from 0 to 1, with a label) is laid over the
 * elements. The diagram is a picture;
 * screens put the same facts in text beside it.
 */
@Tag("bpmn-diagram")
public class BpmnDiagram extends Component implements HasSize {

    /** bpmn-js from npm ({@code dist/} of the package, see the folder's README), then the element itself. */
    private static final String BASE = "context://bpmn-js/";

    private String xml = "";
    private List<String> activeIds = List.of();
    private List<String> completedIds = List.of();
    private Map<String, Double> heat = Map.of();
    private Map<String, String> heatLabels = Map.of();

    public BpmnDiagram() {
        setWidthFull();
        setHeight("28em");
        addAttachListener(event -> {
            Page page = event.getUI().getPage();
            page.addStyleSheet(BASE + "diagram-js.css");
            page.addStyleSheet(BASE + "bpmn-js.css");
            page.addJavaScript(BASE + "bpmn-navigated-viewer.production.min.js");
            page.addJavaScript(BASE + "bpmn-diagram.js");
        });
    }

    /** The BPMN 2.0 XML with its diagram interchange. */
    public void setXml(String value) {
        xml = value == null ? "" : value;
        getElement().setProperty("xml", xml);
    }

    public String getXml() {
        return xml;
    }

    /** Elements drawn as current (where the process waits). */
    public void setActiveIds(List<String> ids) {
        activeIds = List.copyOf(ids);
        getElement().setPropertyJson("activeIds", array(activeIds));
    }

    public List<String> getActiveIds() {
        return activeIds;
    }

    /** Elements drawn as done (activities passed and sequence flows taken). */
    public void setCompletedIds(List<String> ids) {
        completedIds = List.copyOf(ids);
        getElement().setPropertyJson("completedIds", array(completedIds));
    }

    public List<String> getCompletedIds() {
        return completedIds;
    }

    /** Heat per element, 0 (cool) to 1 (hottest), and the label each element shows. */
    public void setHeat(Map<String, Double> values, Map<String, String> labels) {
        heat = new LinkedHashMap<>(values);
        heatLabels = new LinkedHashMap<>(labels);
        JsonObject heatJson = Json.createObject();
        heat.forEach((id, value) -> heatJson.put(id, Math.max(0, Math.min(1, value))));
        JsonObject labelJson = Json.createObject();
        heatLabels.forEach(labelJson::put);
        getElement().setPropertyJson("heat", heatJson);
        getElement().setPropertyJson("heatLabels", labelJson);
    }

    public Map<String, Double> getHeat() {
        return Map.copyOf(heat);
    }

    public Map<String, String> getHeatLabels() {
        return Map.copyOf(heatLabels);
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = Json.createArray();
        for (int i = 0; i < values.size(); i++) {
            array.set(i, values.get(i));
        }
        return array;
    }
}
