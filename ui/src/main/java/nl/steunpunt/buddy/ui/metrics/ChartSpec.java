package nl.steunpunt.buddy.ui.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a {@link BuddyChart} draws, typed on the Java side: a bar chart (horizontal or not) with its
 * category labels and one or more series; a missing value (a suppressed figure) is left out of the
 * chart. {@link #toJson()} gives the chart.js configuration.
 */
public record ChartSpec(boolean horizontal, List<String> labels, List<Series> series) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLOURS = List.of("#1a6fb0", "#d9822b", "#3c9a5f", "#8e5ea2");

    /** One series: its name and a value per label, {@code null} where the figure is suppressed. */
    public record Series(String label, List<Double> values) {
    }

    public ChartSpec {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
    }

    /** The chart.js configuration of a bar chart. */
    public String toJson() {
        List<Map<String, Object>> datasets = new java.util.ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("label", series.get(i).label());
            dataset.put("data", series.get(i).values());
            dataset.put("backgroundColor", COLOURS.get(i % COLOURS.size()));
            datasets.add(dataset);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("indexAxis", horizontal ? "y" : "x");
        options.put("plugins", Map.of("legend", Map.of("display", series.size() > 1)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "bar");
        config.put("data", Map.of("labels", labels, "datasets", datasets));
        config.put("options", options);
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
