package nl.steunpunt.buddy.ui.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;

import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The world of the inbox loads (in the JVM and over HTTP): two regions, coordinator accounts in each, and
 * real buddy applications whose screening tasks fill their inboxes.
 */
final class LoadWorld {

    static final List<RegionCode> REGIONS = List.of(new RegionCode("LOAD-1"), new RegionCode("LOAD-2"));

    private LoadWorld() {
    }

    /** Creates the regions and accounts, submits the applications and waits for their tasks; returns the accounts. */
    static List<String> seed(TestWorld world, Regions regions, LocalAccounts accounts, WorkItems workItems,
            int accountsPerRegion, int applicationsPerRegion) throws InterruptedException {
        world.ensure();
        List<String> coordinators = new ArrayList<>();
        for (RegionCode region : REGIONS) {
            regions.save(new Region(region, "Belastingregio " + region.value()));
            for (int i = 1; i <= accountsPerRegion; i++) {
                String name = "load." + region.value().toLowerCase() + "." + i;
                accounts.save(name, "Coördinator " + i + " " + region.value(), TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(region));
                coordinators.add(name);
            }
        }
        List<Thread> seeders = new ArrayList<>();
        for (RegionCode region : REGIONS) {
            Thread seeder = new Thread(() -> {
                for (int i = 0; i < applicationsPerRegion; i++) {
                    world.apply(region);
                }
            }, "load-seed-" + region.value());
            seeder.start();
            seeders.add(seeder);
        }
        for (Thread seeder : seeders) {
            seeder.join();
        }
        String first = coordinators.get(0);
        String last = coordinators.get(coordinators.size() - 1);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> world.as(first, () -> workItems.count(WorkItemQuery.inbox())) >= applicationsPerRegion
                        && world.as(last, () -> workItems.count(WorkItemQuery.inbox())) >= applicationsPerRegion);
        return coordinators;
    }

    /** A user reading before her next step (an interrupt ends it early). */
    static void think(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The table of a load run: per action (in name order) its count and p50/p95/p99/max of the times (ns). */
    static String timesTable(java.util.Map<String, List<Long>> times, int actionWidth) {
        StringBuilder out = new StringBuilder(String.format("%-" + actionWidth + "s %8s %9s %9s %9s %9s%n", "action", "count", "p50", "p95",
                "p99", "max"));
        new java.util.TreeMap<>(times).forEach((action, list) -> {
            long[] values;
            synchronized (list) {
                values = list.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            out.append(String.format("%-" + actionWidth + "s %8d %9s %9s %9s %9s%n", action, values.length, ms(values, 0.50),
                    ms(values, 0.95), ms(values, 0.99), String.format("%.1f ms", values[values.length - 1] / 1e6)));
        });
        return out.toString();
    }

    private static String ms(long[] sorted, double fraction) {
        return String.format("%.1f ms", sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6);
    }
}
