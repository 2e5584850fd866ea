package nl.steunpunt.buddy.ui.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.steunpunt.buddy.metrics.Count;

/**
 * What a {@link BuddyChart} draws, typed on the Java side: a bar chart (horizontal or not) with its
 * category labels and one or more series. A missing value (a suppressed figure) is {@code null}: the
 * chart draws no bar for it but the marker {@link Count#SUPPRESSED}, and its tooltip says
 * {@code suppressedNote}. {@link #toJson()} gives the chart.js configuration.
 */
public record ChartSpec(boolean horizontal, List<String> labels, List<Series> series, String suppressedNote) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLOURS = List.of("#1a6fb0", "#d9822b", "#3c9a5f", "#8e5ea2");

    /** One series: its name and a value per label, {@code null} where the figure is suppressed. */
    public record Series(String label, List<Double> values) {
    }

    public ChartSpec {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
    }

    /** Whether the series hold a suppressed value, drawn as a marker instead of a bar. */
    public boolean hasSuppressed() {
        return series.stream().anyMatch(s -> s.values().stream().anyMatch(java.util.Objects::isNull));
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
        Map<String, Object> plugins = new LinkedHashMap<>();
        plugins.put("legend", Map.of("display", series.size() > 1));
        plugins.put("buddySuppressed", Map.of("label", Count.SUPPRESSED, "note", suppressedNote == null ? "" : suppressedNote));
        options.put("plugins", plugins);
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
