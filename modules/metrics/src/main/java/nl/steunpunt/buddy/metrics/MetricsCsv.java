package nl.steunpunt.buddy.metrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Each figure of a {@link Dashboard} as CSV, the way the signalen report is exported: UTF-8 with a
 * byte order mark, {@code ;} between fields, a header row, suppressed counts as "&lt; 5", no
 * personal data. The first columns name the regions and the period.
 */
public final class MetricsCsv {

    /** The figures of the dashboard, each with its own CSV. */
    public enum Figure {
        FUNNEL, LEAD_TIMES, TASKS, CAPACITY, EVALUATIONS, BUDDY_EVALUATIONS, INTERVISIE, THEMES, SESSION_THEMES
    }

    private static final String SEPARATOR = ";";
    private static final String LINE_END = "\r\n";

    private MetricsCsv() {
    }

    public static byte[] csv(Dashboard dashboard, Figure figure) {
        List<List<String>> rows = new ArrayList<>();
        switch (figure) {
            case FUNNEL -> {
                rows.add(List.of("fase", "aantal"));
                dashboard.funnel().forEach(s -> rows.add(List.of(s.key(), s.count().text())));
            }
            case LEAD_TIMES -> {
                rows.add(List.of("doorlooptijd", "gevallen", "mediaan_dagen", "p90_dagen"));
                dashboard.leadTimes().forEach(l -> rows.add(List.of(l.key(), l.cases().text(), l.p50().text(), l.p90().text())));
            }
            case TASKS -> {
                rows.add(List.of("proces", "taaktype", "taak", "open", "te_laat"));
                dashboard.tasks().forEach(t -> rows.add(List.of(t.processKey(), t.taskKey(), t.taskName(), t.open().text(), t.overdue().text())));
            }
            case CAPACITY -> {
                rows.add(List.of("actieve_koppelingen", "beschikbare_buddies", "plaatsen", "bezetting_procent"));
                Dashboard.CapacityUse c = dashboard.capacity();
                rows.add(List.of(c.activeMatches().text(), c.buddies().text(), c.places().text(), c.percentUsed().text()));
            }
            case EVALUATIONS -> {
                rows.add(List.of("evaluaties", "gehoord", "regie_terug", "samenwerking_school"));
                Dashboard.EvaluationScores e = dashboard.evaluations();
                rows.add(List.of(e.evaluations().text(), e.feltHeard().text(), e.regainedControl().text(), e.schoolCooperation().text()));
            }
            case BUDDY_EVALUATIONS -> {
                rows.add(List.of("evaluaties", "voorbereid", "gesteund", "contact_ouder", "samenwerking_school", "regie_ouder"));
                Dashboard.BuddyEvaluationScores b = dashboard.buddyEvaluations();
                rows.add(List.of(b.evaluations().text(), b.prepared().text(), b.supported().text(), b.parentContact().text(),
                        b.schoolCooperation().text(), b.parentInControl().text()));
            }
            case INTERVISIE -> {
                rows.add(List.of("bijeenkomsten", "verwachte_aanwezigheden", "aanwezig_procent"));
                Dashboard.IntervisieAttendance i = dashboard.intervisie();
                rows.add(List.of(i.sessions().text(), i.attendances().text(), i.percentPresent().text()));
            }
            case THEMES -> {
                rows.add(List.of("themacode", "thema", "trajecten", "vermeldingen"));
                dashboard.themes().forEach(t -> rows.add(List.of(t.themeCode(), t.themeName(), t.matches().text(), t.mentions().text())));
            }
            case SESSION_THEMES -> {
                rows.add(List.of("themacode", "thema", "bijeenkomsten"));
                dashboard.sessionThemes().forEach(t -> rows.add(List.of(t.themeCode(), t.themeName(), t.sessions().text())));
            }
        }
        String regions = String.join(" ", dashboard.regions().stream().map(r -> r.value()).toList());
        StringBuilder out = new StringBuilder("\uFEFF");
        for (int i = 0; i < rows.size(); i++) {
            List<String> fields = new ArrayList<>();
            fields.add(i == 0 ? "regio" : regions);
            fields.add(i == 0 ? "van" : dashboard.from().toString());
            fields.add(i == 0 ? "tot_en_met" : dashboard.to().toString());
            rows.get(i).forEach(f -> fields.add(field(f)));
            out.append(String.join(SEPARATOR, fields)).append(LINE_END);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Quotes a field when it holds the separator, a quote or a line break, and defuses a leading
     * formula character so a spreadsheet shows it as text.
     */
    private static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(SEPARATOR) || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
