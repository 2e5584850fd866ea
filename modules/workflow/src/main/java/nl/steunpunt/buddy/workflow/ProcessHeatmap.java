package nl.steunpunt.buddy.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Waiting times per activity of one process model over a period and a set of regions.
 *
 * @param bpmnXml    the newest version of the model, to draw the figures on
 * @param activities the activities where cases waited, longest average first
 */
public record ProcessHeatmap(String processKey, String processName, String bpmnXml, List<ActivityWait> activities) {

    /** Below this many cases no figure is shown. */
    public static final int MINIMUM_COUNT = 5;

    public ProcessHeatmap {
        activities = List.copyOf(activities);
    }

    /** Average waiting time in seconds per activity ID, only where it is not suppressed. */
    public Map<String, Double> averageSeconds() {
        return activities.stream().filter(a -> a.figures().isPresent())
                .collect(Collectors.toMap(ActivityWait::activityId, a -> (double) a.figures().get().average().toSeconds()));
    }

    /**
     * One activity's waiting time.
     *
     * @param figures empty when fewer than {@link ProcessHeatmap#MINIMUM_COUNT} cases passed
     */
    public record ActivityWait(String activityId, String name, String type, Optional<Figures> figures) {
    }

    /** Count, average and 90th percentile of the waits. */
    public record Figures(long count, Duration average, Duration p90) {
    }
}
