package nl.steunpunt.buddy.ui.metrics;

import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.closure.BuddyScores;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.intervisie.Attendance;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.intervisie.SessionPlan;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.metrics.Dashboard;
import nl.steunpunt.buddy.metrics.MetricsDashboard;
import nl.steunpunt.buddy.metrics.MetricsRebuild;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.ui.ClosureWorld;
import nl.steunpunt.buddy.ui.IntervisieWorld;
import nl.steunpunt.buddy.ui.MatchingWorld;
import nl.steunpunt.buddy.ui.TestClock;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The figures that reach the read model through the newer events, job executor on: a buddy's own
 * evaluation, the themes of an intervisie session, and a coordinator changing a buddy's maximum of
 * matches. Each is in the read model without waiting for another event, and a rebuild gives the same rows.
 */
class MetricsEventsTest extends ApplicationTest {

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired ClosureWorld closing;
    @Autowired IntervisieWorld intervisieWorld;
    @Autowired IntervisieCycle cycle;
    @Autowired Intervisie intervisie;
    @Autowired Closures closures;
    @Autowired Matchmaking matchmaking;
    @Autowired WorkItems workItems;
    @Autowired MetricsDashboard metrics;
    @Autowired MetricsRebuild rebuild;
    @Autowired LocalAccounts accounts;
    @Autowired JdbcClient db;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_buddys_evaluation_is_counted_with_its_scores_and_a_rebuild_refills_it() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, buddy("gijs"));
        ClosureWorld.Case c = closing.activeCase(scene, buddy);
        closing.closedWithLink(c);
        WorkItem task = closing.awaitTask(buddy.username(), c, ClosureProcess.TASK_BUDDY_EVALUATION);
        world.as(buddy.username(), () -> {
            workItems.complete(task.id(), Map.of(), () -> closures.recordBuddyEvaluation(c.matchId(), new BuddyScores(4, 3, 5, 2, 1),
                    "Een opmerking die nooit in de cijfers komt"));
            return null;
        });

        await().until(() -> rows("metrics_buddy_evaluation", scene).size() == 1);
        assertThat(db.sql("SELECT prepared || ',' || supported || ',' || parent_contact || ',' || school_cooperation || ',' || parent_in_control "
                + "FROM metrics_buddy_evaluation WHERE match_id = ?").param(c.matchId()).query(String.class).single()).isEqualTo("4,3,5,2,1");
        String manager = manager(scene);
        LocalDate today = LocalDate.now(clock);
        Dashboard dashboard = world.as(manager, () -> metrics.load(List.of(scene.region()), today.minusDays(7), today));
        assertThat(dashboard.buddyEvaluations().evaluations().suppressed()).as("one evaluation is below five").isTrue();
        assertThat(dashboard.buddyEvaluations().prepared().suppressed()).isTrue();

        List<String> before = rows("metrics_buddy_evaluation", scene);
        db.sql("DELETE FROM metrics_buddy_evaluation WHERE region_code = ?").param(scene.region().value()).update();
        world.as(scene.admin(), () -> {
            rebuild.rebuild();
            return null;
        });
        assertThat(rows("metrics_buddy_evaluation", scene)).isEqualTo(before);
    }

    @Test
    void the_themes_of_a_recorded_intervisie_session_are_counted_and_a_rebuild_refills_them() {
        IntervisieWorld.Scene scene = intervisieWorld.scene();
        UUID group = intervisieWorld.group(scene, "Intervisie Metrics", SessionKind.INTERVISIE);
        LocalDateTime evening = intervisieWorld.evening(7);
        UUID session = world.as(scene.facilitator(), () -> cycle.plan(group, new SessionPlan(evening, evening.plusHours(2), "Zaal 3")));
        WorkItem record = intervisieWorld.pass(scene, group, session);
        world.as(scene.facilitator(), () -> {
            workItems.complete(record.id(), Map.of(), () -> intervisie.record(session, Map.of(scene.anna().id(), Attendance.PRESENT,
                    scene.bea().id(), Attendance.PRESENT, scene.cor().id(), Attendance.ABSENT), Set.of("THUISZITTEN", "VERVOER")));
            return null;
        });

        MatchingWorld.Scene region = scene.region();
        await().until(() -> rows("metrics_intervisie_theme", region).size() == 2);
        assertThat(db.sql("SELECT theme_code FROM metrics_intervisie_theme WHERE session_id = ? ORDER BY 1").param(session)
                .query(String.class).list()).containsExactly("THUISZITTEN", "VERVOER");
        String manager = manager(region);
        LocalDate today = LocalDate.now(clock);
        Dashboard dashboard = world.as(manager, () -> metrics.load(List.of(region.region()), today.minusDays(30), today));
        assertThat(dashboard.sessionThemes()).extracting(Dashboard.SessionThemeCount::themeCode).containsExactly("THUISZITTEN", "VERVOER");
        assertThat(dashboard.sessionThemes()).allSatisfy(t -> assertThat(t.sessions().suppressed()).isTrue());

        List<String> before = rows("metrics_intervisie_theme", region);
        db.sql("DELETE FROM metrics_intervisie_theme WHERE region_code = ?").param(region.region().value()).update();
        world.as(region.admin(), () -> {
            rebuild.rebuild();
            return null;
        });
        assertThat(rows("metrics_intervisie_theme", region)).isEqualTo(before);
    }

    @Test
    void a_coordinator_changing_a_buddys_maximum_reaches_the_capacity_figure_at_once() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, buddy("hugo"));
        await().until(() -> capacity(buddy), n -> n != null && n == 2);

        world.as(scene.coordinator(), () -> {
            matchmaking.saveBuddyProfile(buddy.id(), null, Set.of(), 4);
            return null;
        });
        await().until(() -> capacity(buddy), n -> n != null && n == 4);

        world.as(scene.coordinator(), () -> {
            matchmaking.saveBuddyProfile(buddy.id(), null, Set.of(), null);
            return null;
        });
        await().until(() -> capacity(buddy), n -> n != null && n == 2);
    }

    private Integer capacity(MatchingWorld.Buddy buddy) {
        return db.sql("SELECT capacity FROM metrics_buddy WHERE buddy_id = ?").param(buddy.id().value()).query(Integer.class).optional()
                .orElse(null);
    }

    private List<String> rows(String table, MatchingWorld.Scene scene) {
        return db.sql("SELECT t::text FROM " + table + " t WHERE region_code = ? ORDER BY 1").param(scene.region().value())
                .query(String.class).list();
    }

    private String manager(MatchingWorld.Scene scene) {
        String username = "manager.events." + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        accounts.save(username, "Manager Events", TestWorld.PASSWORD, Set.of(Role.MANAGER), Set.of(scene.region()));
        return username;
    }
}
