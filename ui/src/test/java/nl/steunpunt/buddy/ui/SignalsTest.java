package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.support.Quarter;
import nl.steunpunt.buddy.support.SignalCount;
import nl.steunpunt.buddy.support.SignalReport;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.ui.support.ContactLogView;
import nl.steunpunt.buddy.ui.support.SignalsView;

/** The signalen report: counted per region per quarter, small counts suppressed on screen and in the CSV. */
class SignalsTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired SupportWorld support;
    @Autowired ContactLog contactLog;
    @Autowired Signals signals;
    @Autowired LocalAccounts accounts;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @Test
    void the_report_counts_matches_and_mentions_per_quarter_and_shows_fewer_than_five_as_less_than_five() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Scene other = matching.scene();
        String manager = "manager." + scene.region().value().toLowerCase(Locale.ROOT);
        accounts.save(manager, "Manager " + scene.region().value(), TestWorld.PASSWORD, Set.of(Role.MANAGER), Set.of(scene.region()));
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, buddy("sanne").maxMatches(10));
        List<BuddyMatch> matches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            matches.add(support.startingMatch(scene, buddy));
        }
        LocalDate today = LocalDate.now(clock);
        // Thuiszitten in all six matches (twice in the first), vervoer in two.
        for (BuddyMatch match : matches) {
            log(buddy, match, "THUISZITTEN");
        }
        log(buddy, matches.get(0), "THUISZITTEN", "VERVOER");
        log(buddy, matches.get(1), "VERVOER");
        // The last match's contact belongs to the previous quarter.
        Quarter now = Quarter.of(today);
        Quarter before = now.previous();
        db.sql("UPDATE contact_log SET contact_on = ? WHERE match_id = ?").params(before.lastDay(), matches.get(5).matchId()).update();

        SignalReport current = world.as(scene.coordinator(), () -> signals.report(scene.region(), now));
        assertThat(row(current, "THUISZITTEN").matches()).hasValue(5);
        assertThat(row(current, "THUISZITTEN").mentions()).hasValue(6);
        assertThat(row(current, "VERVOER").suppressed()).isTrue();
        assertThat(row(current, "OPP").suppressed()).isTrue();
        SignalReport previous = world.as(scene.coordinator(), () -> signals.report(scene.region(), before));
        assertThat(row(previous, "THUISZITTEN").suppressed()).isTrue();
        assertThat(previous.rows()).allSatisfy(r -> assertThat(r.matches()).isEmpty());

        // The CSV: a header, one row per theme, "< 5" and never the small number, no names.
        String csv = new String(Signals.csv(current), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFregio;kwartaal;themacode;thema;trajecten;vermeldingen;intervisie;totaal");
        // No intervisie in this region: its "< 5" keeps the total back too.
        assertThat(lines).contains(scene.region().value() + ";" + now + ";THUISZITTEN;Thuiszitten en verzuim;5;6;< 5;< 5",
                scene.region().value() + ";" + now + ";VERVOER;Leerlingenvervoer;< 5;< 5;< 5;< 5");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.split(";")[4]).isIn("5", "< 5"));
        assertThat(csv).doesNotContain(";2;", ";2\r", ";1;", buddy.username(), "Sanne", matches.get(0).reference(), "Ouder Test");
        assertThat(new String(Signals.csv(previous), StandardCharsets.UTF_8)).contains(";THUISZITTEN;Thuiszitten en verzuim;< 5;< 5;< 5;< 5")
                .doesNotContain(";1;", ";1\r");

        // The manager of the region sees the same on screen, for this quarter and the one before.
        openAppAs(manager);
        UI.getCurrent().navigate(SignalsView.class);
        @SuppressWarnings("unchecked")
        Grid<SignalCount> grid = _get(Grid.class, spec -> spec.withId("signals-grid"));
        assertThat(formatted(grid, "THUISZITTEN")).containsExactly("Thuiszitten en verzuim", "5", "6", "< 5", "< 5");
        assertThat(formatted(grid, "VERVOER")).containsExactly("Leerlingenvervoer", "< 5", "< 5", "< 5", "< 5");
        for (int i = 0; i < GridKt._size(grid); i++) {
            assertThat(GridKt._getFormattedRow(grid, i).subList(1, 3)).allSatisfy(cell -> assertThat(cell).isIn("5", "6", "< 5"));
        }
        @SuppressWarnings("unchecked")
        Select<Quarter> quarter = _get(Select.class, spec -> spec.withId("signals-quarter"));
        _setValue(quarter, before);
        assertThat(formatted(grid, "THUISZITTEN")).containsExactly("Thuiszitten en verzuim", "< 5", "< 5", "< 5", "< 5");
        // She sees no log, so no names: neither the screen nor the service opens it for her.
        UI.getCurrent().navigate(ContactLogView.class, matches.get(0).matchId().toString());
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(ContactLogView.class);
        assertThatThrownBy(() -> world.as(manager, () -> contactLog.logOf(matches.get(0).matchId())))
                .isInstanceOf(AccessDeniedException.class);

        // A coordinator of another region, and a buddy, get no report of this region.
        assertThatThrownBy(() -> world.as(other.coordinator(), () -> signals.report(scene.region(), now)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.as(buddy.username(), () -> signals.report(scene.region(), now)))
                .isInstanceOf(AccessDeniedException.class);
        openAppAs(other.coordinator());
        UI.getCurrent().navigate(SignalsView.class);
        @SuppressWarnings("unchecked")
        Select<Object> region = _get(Select.class, spec -> spec.withId("signals-region"));
        assertThat(region.getListDataView().getItems().toList()).containsExactly(other.region());
    }

    private void log(MatchingWorld.Buddy buddy, BuddyMatch match, String... themes) {
        world.as(buddy.username(), () -> contactLog.record(match.matchId(),
                new NewContact(LocalDate.now(clock), ContactKind.PHONE, 15, "Telefonisch bijgepraat", Set.of(themes))));
    }

    private static SignalCount row(SignalReport report, String code) {
        return report.rows().stream().filter(r -> r.themeCode().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> formatted(Grid<SignalCount> grid, String code) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).themeCode().equals(code)) {
                return GridKt._getFormattedRow(grid, i);
            }
        }
        throw new AssertionError("no row for " + code);
    }
}
