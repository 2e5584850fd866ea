package nl.steunpunt.buddy.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * Where cases wait, per process model: waiting times per activity aggregated over the engine's
 * history, for managers (their regions) and administrators (all regions). No personal data;
 * figures over fewer than {@link ProcessHeatmap#MINIMUM_COUNT} cases are suppressed.
 */
public interface ProcessInsight {

    /** The process models that can be looked into, in lifecycle order. */
    List<ProcessModel> models();

    /** Waiting times of the model's user tasks and waiting events that ended between {@code from} and {@code to} (inclusive). */
    ProcessHeatmap heatmap(String processKey, LocalDate from, LocalDate to);

    /** A process model by its key and Dutch name. */
    record ProcessModel(String key, String name) {
    }
}
