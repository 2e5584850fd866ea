package nl.steunpunt.buddy.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import nl.steunpunt.buddy.metrics.Dashboard;
import nl.steunpunt.buddy.metrics.MetricsDashboard;
import nl.steunpunt.buddy.metrics.MetricsRebuild;
import nl.steunpunt.buddy.shared.CaseAnonymiser;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The demo's past gives the manager a dashboard she can read: for each demo region over the last
 * year the funnel, the lead times and the evaluations are shown, not suppressed, and a rebuild of the
 * read model gives the same figures. The history leaves the live pool as it was.
 */
class DemoHistoryTest extends ApplicationTest {

    @Autowired JdbcClient db;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MetricsRebuild rebuild;
    @Autowired MetricsDashboard metrics;
    @Autowired LocalAccounts accounts;
    @Autowired WorkItems workItems;
    @Autowired Regions regions;
    @Autowired TestWorld world;
    @Autowired Clock clock;
    @Autowired List<CaseAnonymiser> anonymisers;

    @Test
    void the_demo_history_gives_each_region_unsuppressed_funnel_lead_times_and_evaluations_and_a_rebuild_keeps_them() {
        for (String code : List.of(DemoAccounts.UTRECHT, DemoAccounts.EEMLAND)) {
            if (regions.find(new RegionCode(code)).isEmpty()) {
                regions.save(new Region(new RegionCode(code), "Demo " + code));
            }
        }
        Set<RegionCode> demoRegions = Set.of(new RegionCode(DemoAccounts.UTRECHT), new RegionCode(DemoAccounts.EEMLAND));
        if (accounts.account("beheerder").isEmpty()) {
            accounts.save("beheerder", "Beheerder Demo", TestWorld.PASSWORD, Set.of(Role.ADMIN), demoRegions);
        }
        String manager = "manager.history." + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.save(manager, "Manager Historie", TestWorld.PASSWORD, Set.of(Role.MANAGER), demoRegions);
        long poolBefore = pool();

        new DemoHistory(db, transactions, rebuild, new DemoSteps(accounts, workItems, clock), clock, anonymisers).seed();

        assertThat(pool()).as("the buddies of the past have left: the live pool is as it was").isEqualTo(poolBefore);
        String closedLongAgo = "SELECT count(*) FROM help_request r JOIN buddy_match m ON m.request_id = r.id WHERE r.region_code IN (?, ?) "
                + "AND m.closed_at < now() - interval '366 days'";
        assertThat(db.sql(closedLongAgo).params(DemoAccounts.UTRECHT, DemoAccounts.EEMLAND).query(Long.class).single()).isPositive();
        assertThat(db.sql(closedLongAgo + " AND (r.email IS NOT NULL OR r.contact_name <> '—')")
                .params(DemoAccounts.UTRECHT, DemoAccounts.EEMLAND).query(Long.class).single())
                .as("cases closed more than a year ago are anonymised").isZero();
        LocalDate today = LocalDate.now(clock);
        for (String code : List.of(DemoAccounts.UTRECHT, DemoAccounts.EEMLAND)) {
            Dashboard dashboard = world.as(manager, () -> metrics.load(List.of(new RegionCode(code)), today.minusYears(1).plusDays(1), today));
            assertThat(dashboard.funnel()).as("funnel of " + code).hasSize(Dashboard.STAGES.size())
                    .allSatisfy(stage -> assertThat(stage.count().suppressed()).as(stage.key()).isFalse());
            assertThat(dashboard.leadTimes()).as("lead times of " + code).hasSize(Dashboard.LEAD_TIMES.size()).allSatisfy(lead -> {
                assertThat(lead.cases().suppressed()).as(lead.key()).isFalse();
                assertThat(lead.p50().suppressed()).as(lead.key()).isFalse();
                assertThat(lead.p90().value().getAsDouble()).as(lead.key()).isGreaterThanOrEqualTo(lead.p50().value().getAsDouble());
            });
            assertThat(dashboard.evaluations().feltHeard().suppressed()).isFalse();
            assertThat(dashboard.buddyEvaluations().prepared().suppressed()).isFalse();
            assertThat(dashboard.intervisie().percentPresent().suppressed()).isFalse();
            assertThat(dashboard.themes()).anySatisfy(theme -> assertThat(theme.mentions().suppressed()).isFalse());

            world.as("beheerder", () -> {
                rebuild.rebuild();
                return null;
            });
            Dashboard rebuilt = world.as(manager, () -> metrics.load(List.of(new RegionCode(code)), today.minusYears(1).plusDays(1), today));
            assertThat(rebuilt.funnel()).isEqualTo(dashboard.funnel());
            assertThat(rebuilt.leadTimes()).isEqualTo(dashboard.leadTimes());
            assertThat(rebuilt.evaluations()).isEqualTo(dashboard.evaluations());
        }
    }

    private long pool() {
        return db.sql("SELECT count(*) FROM matching_buddy WHERE archived_at IS NULL").query(Long.class).single();
    }
}
