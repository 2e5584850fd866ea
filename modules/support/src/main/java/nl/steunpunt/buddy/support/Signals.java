package nl.steunpunt.buddy.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;

/**
 * Signalen: the list of signal themes (kept by the administrator) and the report of the themes in
 * contact logs and in every other {@link SignalSource} (intervisie) per region per quarter, for the
 * samenwerkingsverband. A count below {@link #MINIMUM_COUNT} is never shown, on screen nor in the
 * CSV; a theme's total over the sources is shown only when none of its parts is suppressed, and there
 * is no total over themes.
 */
@Service
@Transactional
public class Signals {

    /** The smallest count the report shows; anything below is "&lt; 5". */
    public static final int MINIMUM_COUNT = 5;
    /** How a suppressed count reads, on screen and in the CSV. */
    public static final String SUPPRESSED = "< " + MINIMUM_COUNT;

    private static final String SEPARATOR = ";";
    private static final String LINE_END = "\r\n";

    private final JdbcClient db;
    private final CurrentActor currentActor;
    private final List<SignalSource> sources;

    Signals(JdbcClient db, CurrentActor currentActor, ObjectProvider<SignalSource> sources) {
        this.db = db;
        this.currentActor = currentActor;
        this.sources = sources.stream().sorted(Comparator.comparingInt(SignalSource::order).thenComparing(SignalSource::key)).toList();
    }

    // ---- themes -------------------------------------------------------------------------------

    /** The active themes a buddy can choose from, in the administrator's order. */
    @Transactional(readOnly = true)
    public List<SignalTheme> themes() {
        return allThemes().stream().filter(SignalTheme::active).toList();
    }

    /** All themes, active or not. */
    @Transactional(readOnly = true)
    public List<SignalTheme> allThemes() {
        return db.sql("SELECT code, name, active FROM signal_theme ORDER BY position, code")
                .query((rs, n) -> new SignalTheme(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /**
     * An administrator adds, renames or (de)activates a theme. Log lines keep the name they were
     * recorded with; an inactive theme is no longer offered.
     */
    public void saveTheme(String code, String name, boolean active) {
        if (!currentActor.require().hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        String key = code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!key.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new InvalidInputException("error.catalogue.code");
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 200) {
            throw new InvalidInputException("error.catalogue.name");
        }
        if (db.sql("UPDATE signal_theme SET name = ?, active = ? WHERE code = ?").params(label, active, key).update() == 0) {
            db.sql("INSERT INTO signal_theme (code, name, active, position) VALUES (?, ?, ?, "
                    + "(SELECT coalesce(max(position), 0) + 1 FROM signal_theme))").params(key, label, active).update();
        }
    }

    // ---- the report ---------------------------------------------------------------------------

    /** The keys of the other sources the report counts, in the order of its columns. */
    public List<String> sources() {
        return sources.stream().map(SignalSource::key).toList();
    }

    /** The regions whose report the acting user may see: where she is coordinator or manager. */
    @Transactional(readOnly = true)
    public List<RegionCode> reportRegions() {
        Actor actor = currentActor.require();
        return actor.regions().stream().filter(r -> mayReport(actor, r)).sorted().toList();
    }

    /**
     * The themes of the region's contact logs in the quarter (by contact date): per theme the number
     * of distinct matches that mention it and the number of mentions, each shown only from
     * {@link #MINIMUM_COUNT} matches; beside them the count of each other {@link SignalSource} in the
     * quarter, shown from {@link #MINIMUM_COUNT}, and the theme's total when every part is shown.
     * Every active theme is listed, and any inactive one mentioned.
     */
    @Transactional(readOnly = true)
    public SignalReport report(RegionCode region, Quarter quarter) {
        Actor actor = currentActor.require();
        if (region == null || quarter == null) {
            throw new InvalidInputException("error.signals.quarter");
        }
        if (!mayReport(actor, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        List<ThemeTally> tallies = db.sql("SELECT s.code, s.name, count(DISTINCT l.match_id), count(l.id), s.active FROM signal_theme s "
                + "LEFT JOIN contact_log_theme t ON t.theme_code = s.code "
                + "LEFT JOIN contact_log l ON l.id = t.log_id AND l.region_code = :region AND l.contact_on BETWEEN :from AND :to "
                + "GROUP BY s.code, s.name, s.position, s.active ORDER BY s.position, s.code")
                .param("region", region.value()).param("from", quarter.firstDay()).param("to", quarter.lastDay())
                .query((rs, n) -> new ThemeTally(new SignalReport.Tally(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                        rs.getBoolean(5)))
                .list();
        List<Map<String, Integer>> counts = sources.stream().map(s -> s.count(region, quarter.firstDay(), quarter.lastDay())).toList();
        List<SignalReport.Tally> listed = tallies.stream()
                .filter(t -> t.active() || t.tally().mentions() > 0 || counts.stream().anyMatch(c -> c.getOrDefault(t.tally().themeCode(), 0) > 0))
                .map(ThemeTally::tally).toList();
        return SignalReport.suppressed(region, quarter, listed, sources.stream().map(SignalSource::key).toList(), counts, MINIMUM_COUNT);
    }

    private record ThemeTally(SignalReport.Tally tally, boolean active) {
    }

    /**
     * The report as CSV for the samenwerkingsverband: UTF-8 (with a byte order mark, so spreadsheets
     * read it as such), {@code ;} between fields, a header row, one row per theme, no personal data.
     * Columns: the contact logs' matches and mentions, one column per other source (named by its
     * key), and the total. Suppressed counts read "&lt; 5".
     */
    public static byte[] csv(SignalReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("regio", "kwartaal", "themacode", "thema", "trajecten", "vermeldingen"));
        report.sources().forEach(source -> header.add(field(source)));
        header.add("totaal");
        out.append(String.join(SEPARATOR, header)).append(LINE_END);
        for (SignalCount row : report.rows()) {
            List<String> fields = new ArrayList<>(List.of(field(report.region().value()), field(report.quarter().toString()),
                    field(row.themeCode()), field(row.themeName()), count(row.matches()), count(row.mentions())));
            row.sources().forEach(c -> fields.add(count(c)));
            fields.add(count(row.total()));
            out.append(String.join(SEPARATOR, fields)).append(LINE_END);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A suppressed count as "&lt; 5", any other as its number. */
    public static String count(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : SUPPRESSED;
    }

    private static boolean mayReport(Actor actor, RegionCode region) {
        return actor.hasRoleIn(Role.COORDINATOR, region) || actor.hasRoleIn(Role.MANAGER, region);
    }

    /**
     * Quotes a text field when it holds the separator, a quote or a line break, and defuses a
     * leading formula character so a spreadsheet shows it as text.
     */
    private static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && Set.of('=', '+', '-', '@', '\t', '\r').contains(text.charAt(0))) {
            text = "'" + text;
        }
        if (text.contains(SEPARATOR) || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
