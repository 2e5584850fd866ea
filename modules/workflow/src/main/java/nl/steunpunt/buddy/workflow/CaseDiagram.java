package nl.steunpunt.buddy.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One process of a case drawn on its BPMN model: where it stands and the way it came. Holds
 * element IDs and the model's labels only, never personal data.
 *
 * @param processKey  the process definition key, e.g. {@code SupportProcess}
 * @param processName the Dutch name from the model
 * @param bpmnXml     the BPMN 2.0 XML (with its diagram) of the version this process runs on
 * @param current     the activities it waits in now (empty once ended)
 * @param taken       the activities it passed through (ended ones), in the order they ended
 * @param takenFlows  the IDs of the sequence flows it took between them
 */
public record CaseDiagram(String processInstanceId, String processKey, String processName, Instant started,
        Optional<Instant> ended, String bpmnXml, List<Step> current, List<Step> taken, List<String> takenFlows) {

    public CaseDiagram {
        current = List.copyOf(current);
        taken = List.copyOf(taken);
        takenFlows = List.copyOf(takenFlows);
    }

    /** IDs of the activities it waits in. */
    public List<String> activeIds() {
        return current.stream().map(Step::activityId).toList();
    }

    /** IDs of every element on the path taken: activities and sequence flows. */
    public List<String> completedIds() {
        return Stream.concat(taken.stream().map(Step::activityId), takenFlows.stream()).distinct().toList();
    }

    /**
     * An activity of the model.
     *
     * @param activityId the BPMN element ID; screens translate it
     * @param name       the Dutch label from the model (or the ID when it has none)
     * @param type       the engine's activity type, e.g. {@code userTask}
     */
    public record Step(String activityId, String name, String type) {
    }
}
