package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

import jakarta.servlet.ServletContext;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.bench.BenchmarkTable;
import nl.steunpunt.buddy.ui.http.HttpApplicationTest;
import nl.steunpunt.buddy.ui.http.VaadinHttpSession;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * P5 of the performance issue, over real HTTP with {@link VaadinHttpSession} (no browser), in the
 * application's own JVM on its embedded PostgreSQL:
 * <ul>
 * <li><b>P5-heap</b>: the server heap one signed-in coordinator session holds with the inbox open (the
 * first page of 50 tasks rendered, with the buttons of each row) ÷ what a minimal Vaadin session holds
 * (an anonymous UI showing one {@link Span} on a route registered only here). {@value #SESSIONS}
 * sessions of each kind; the heap after several {@code System.gc()} with the sessions alive minus the
 * heap after the server expired them (so the driver's own objects are not counted), ÷ {@value #SESSIONS}.
 * Target: at most 250 KB per coordinator session.</li>
 * <li><b>P5-roundtrip</b>: the p95 server round trip of inbox actions (a filter, a sort, another page,
 * claiming or giving back a task from its row) with the {@value #SESSIONS} coordinator sessions working
 * at once ÷ the p95 of a no-op round trip (a UIDL message without RPC) sent by the same sessions in the
 * same minutes, two to five seconds of reading between round trips. A round trip is timed from sending the UIDL
 * message to having the server's whole answer; the test driver's own work around it (choosing a row, reading the
 * answer into its model of the page) is reported beside it. Target: at most 3×.</li>
 * </ul>
 * Run with {@code ./mvnw -o -pl ui -am verify -Pbench -Dtest=SessionBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class SessionBenchmarkTest extends HttpApplicationTest {

    static final int SESSIONS = 200;
    static final int ACCOUNTS = 20;
    static final int TASKS = 80;
    static final int LOAD_SECONDS = 45;
    /** Between two round trips a user reads for two to five seconds (as in InboxHttpLoadTest). */
    static final int THINK_MIN_MS = 2000;
    static final int THINK_MAX_MS = 5000;
    static final double TARGET_KB = 250;
    static final double TARGET_RATIO = 3;
    static final String MINIMAL_ROUTE = "bench-minimal-session";
    static final RegionCode REGION = new RegionCode("BENCH-P5");

    /** The smallest page a Vaadin session can show: one Span, no layout, no data. */
    @AnonymousAllowed
    public static class MinimalView extends Div {
        public MinimalView() {
            add(new Span("minimal"));
        }
    }

    @Autowired TestWorld world;
    @Autowired Regions regions;
    @Autowired LocalAccounts accounts;
    @Autowired WorkItems workItems;
    @Autowired ServletContext servletContext;
    @Autowired ServletWebServerApplicationContext server;

    @Test
    void heap_per_coordinator_session_and_round_trip_of_inbox_actions() throws Exception {
        List<String> coordinators = seed();
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
        RouteConfiguration.forRegistry(routes).setRoute(MINIMAL_ROUTE, MinimalView.class);
        try {
            // warm-up: classes loaded, caches filled, JIT, for both kinds of session
            open(20, i -> minimal());
            open(20, i -> coordinator(coordinators.get(i % ACCOUNTS)));
            expireAll();

            Heap minimal = measure(() -> open(SESSIONS, i -> minimal()));
            Heap coordinator = measure(() -> open(SESSIONS, i -> coordinator(coordinators.get(i % ACCOUNTS))));
            report(minimal, coordinator);

            List<VaadinHttpSession> working = open(SESSIONS, i -> coordinator(coordinators.get(i % ACCOUNTS)));
            RoundTrips trips = load(working);
            expireAll();

            report(trips);
            assertThat(trips.errors()).as("errors during the round-trip load").isEmpty();
        } finally {
            routes.removeRoute(MINIMAL_ROUTE);
        }
    }

    // ---- heap

    record Heap(long alive, long expired, int sessions, int nodesPerSession) {
        double kbPerSession() {
            return (alive - expired) / 1024.0 / sessions;
        }
    }

    private interface Opening {
        List<VaadinHttpSession> open() throws Exception;
    }

    private Heap measure(Opening opening) throws Exception {
        List<VaadinHttpSession> sessions = opening.open();
        long alive = usedHeapAfterGc();
        assertThat(liveSessions()).as("server sessions").isGreaterThanOrEqualTo(SESSIONS);
        expireAll();
        long expired = usedHeapAfterGc();
        int nodes = sessions.stream().mapToInt(VaadinHttpSession::nodeCount).sum() / sessions.size();
        Reference.reachabilityFence(sessions); // the driver's side stays in both measurements, so it cancels out
        return new Heap(alive, expired, sessions.size(), nodes);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ---- round trips

    /**
     * The round trips of the load, each as the HTTP exchange of its UIDL message (request sent → whole answer
     * received: the server's work and the wire); {@code actionsWithDriver} / {@code noopsWithDriver} add the
     * driver's own work before and after (choosing a row, building the message, reading the answer into its model),
     * reported beside them but not the server's round trip.
     */
    record RoundTrips(long[] actions, long[] noops, long[] actionsWithDriver, long[] noopsWithDriver, Map<String, long[]> byKind,
            int conflicts, List<String> errors) {
    }

    private RoundTrips load(List<VaadinHttpSession> users) throws Exception {
        List<Long> actions = Collections.synchronizedList(new ArrayList<>());
        List<Long> noops = Collections.synchronizedList(new ArrayList<>());
        List<Long> actionsWithDriver = Collections.synchronizedList(new ArrayList<>());
        List<Long> noopsWithDriver = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Long>> byKind = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger conflicts = new AtomicInteger();
        long deadline = System.nanoTime() + LOAD_SECONDS * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users.size());
        for (VaadinHttpSession user : users) {
            new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    Thread.sleep(random.nextInt(1000));
                    while (System.nanoTime() < deadline) {
                        Thread.sleep(random.nextInt(THINK_MIN_MS, THINK_MAX_MS));
                        boolean noop = random.nextBoolean();
                        long start = System.nanoTime();
                        String kind = noop ? "no-op" : null;
                        if (noop) {
                            user.noop();
                        } else {
                            kind = inboxAction(user, random);
                        }
                        long withDriver = System.nanoTime() - start;
                        long exchange = user.lastExchangeNanos();
                        (noop ? noops : actions).add(exchange);
                        (noop ? noopsWithDriver : actionsWithDriver).add(withDriver);
                        byKind.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(exchange);
                        user.notifications().stream().filter(VaadinHttpSession.Notice::isError).forEach(n -> {
                            if (n.text().startsWith("Deze taak is al")) {
                                conflicts.incrementAndGet();
                            } else {
                                errors.add(n.text());
                            }
                        });
                    }
                } catch (Exception e) {
                    errors.add(e.toString());
                } finally {
                    done.countDown();
                }
            }, "p5-user").start();
        }
        done.await();
        Map<String, long[]> kinds = new java.util.TreeMap<>();
        byKind.forEach((kind, times) -> kinds.put(kind, sorted(times)));
        return new RoundTrips(sorted(actions), sorted(noops), sorted(actionsWithDriver), sorted(noopsWithDriver), kinds, conflicts.get(),
                List.copyOf(errors));
    }

    /** One server round trip of inbox work, as the grid and its filter send it; returns its kind. */
    private static String inboxAction(VaadinHttpSession user, ThreadLocalRandom random) throws Exception {
        VaadinHttpSession.Node grid = user.require("inbox-grid");
        switch (random.nextInt(4)) {
            case 0 -> {
                user.setProperty("filter-scope", "value", String.valueOf(1 + random.nextInt(3)));
                return "filter";
            }
            case 1 -> {
                user.call(grid, "sortersChanged", List.of(Map.of("path", random.nextBoolean() ? "col3" : "col4",
                        "direction", random.nextBoolean() ? "asc" : "desc")));
                return "sort";
            }
            case 2 -> {
                user.call(grid, "setViewportRange", random.nextBoolean() ? 50 : 0, 50);
                return "page";
            }
            default -> {
                List<VaadinHttpSession.GridRow> rows = user.rows("inbox-grid").stream()
                        .filter(row -> row.is("claim") || row.is("unclaim")).toList();
                if (rows.isEmpty()) {
                    user.call(grid, "setViewportRange", 0, 50);
                    return "page";
                }
                VaadinHttpSession.GridRow row = rows.get(random.nextInt(rows.size()));
                String action = row.is("claim") ? "claim" : "unclaim";
                user.callRenderer(row, action);
                return action;
            }
        }
    }

    // ---- sessions

    private VaadinHttpSession minimal() throws Exception {
        VaadinHttpSession user = newUser().open(MINIMAL_ROUTE);
        assertThat(user.pageText()).contains("minimal");
        return user;
    }

    private VaadinHttpSession coordinator(String account) throws Exception {
        VaadinHttpSession user = newUser();
        assertThat(user.signIn(account, TestWorld.PASSWORD)).isTrue();
        user.open("inbox");
        user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
        assertThat(user.rows("inbox-grid")).filteredOn(row -> row.value("id").isPresent()).hasSize(50);
        return user;
    }

    private interface Opener {
        VaadinHttpSession open(int index) throws Exception;
    }

    /** Opens sessions four at a time (as many as the machine has cores to spare), in order. */
    private static List<VaadinHttpSession> open(int count, Opener opener) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<VaadinHttpSession>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit((Callable<VaadinHttpSession>) () -> opener.open(index)));
            }
            List<VaadinHttpSession> sessions = new ArrayList<>();
            for (Future<VaadinHttpSession> future : futures) {
                sessions.add(future.get());
            }
            return sessions;
        } finally {
            pool.shutdown();
        }
    }

    private Context tomcatContext() {
        Container[] contexts = ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren();
        return (Context) contexts[0];
    }

    private int liveSessions() {
        return tomcatContext().getManager().findSessions().length;
    }

    /** Ends every HTTP session on the server, as their time-out would (Vaadin closes its sessions and UIs). */
    private void expireAll() {
        for (Session session : tomcatContext().getManager().findSessions()) {
            session.expire();
        }
        Awaitility.await().until(() -> liveSessions() == 0);
    }

    private List<String> seed() {
        world.ensure();
        regions.save(new Region(REGION, "Benchmarkregio P5"));
        List<String> coordinators = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            String name = "bench.p5." + i;
            accounts.save(name, "Coördinator P5 " + i, TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(REGION));
            coordinators.add(name);
        }
        for (int i = 0; i < TASKS; i++) {
            world.apply(REGION);
        }
        Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> world.as(coordinators.get(0), () -> workItems.count(WorkItemQuery.inbox())) >= TASKS);
        return coordinators;
    }

    // ---- report

    private static long[] sorted(List<Long> values) {
        synchronized (values) {
            long[] array = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(array);
            return array;
        }
    }

    private static double p(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }

    private static String machine() {
        return String.format("%d cores, Java %s, load average %.2f", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void report(Heap minimal, Heap coordinator) {
        double heapRatio = coordinator.kbPerSession() / minimal.kbPerSession();
        StringBuilder out = new StringBuilder(String.format("%nP5-heap, Vaadin sessions over HTTP, %d of each kind; %s%n", SESSIONS, machine()));
        out.append(String.format("%-40s %12s %12s %12s%n", "heap", "alive", "expired", "per session"));
        out.append(String.format("%-40s %9.1f MB %9.1f MB %9.1f KB  (%d state nodes)%n", "minimal (one Span, anonymous)", minimal.alive() / 1048576.0,
                minimal.expired() / 1048576.0, minimal.kbPerSession(), minimal.nodesPerSession()));
        out.append(String.format("%-40s %9.1f MB %9.1f MB %9.1f KB  (%d state nodes)%n", "coordinator, inbox open (50 rows)",
                coordinator.alive() / 1048576.0, coordinator.expired() / 1048576.0, coordinator.kbPerSession(), coordinator.nodesPerSession()));
        out.append(String.format("ratio %.2f; target at most %.0f KB per coordinator session%n", heapRatio, TARGET_KB));
        System.out.println(out);
        BenchmarkTable.record("P5-heap", String.format("heap per coordinator session, inbox open, %d sessions (ratio to a minimal session)", SESSIONS),
                String.format("%.1f KB", coordinator.kbPerSession()), String.format("%.1f KB minimal", minimal.kbPerSession()), heapRatio,
                "<= 250 KB", coordinator.kbPerSession() <= TARGET_KB);
    }

    private static void report(RoundTrips trips) {
        double actionP95 = p(trips.actions(), 0.95);
        double noopP95 = p(trips.noops(), 0.95);
        double tripRatio = actionP95 / noopP95;
        StringBuilder out = new StringBuilder(String.format("%nP5-roundtrip, %d coordinator sessions at once for %d s, %d-%d s between round trips; %s%n",
                SESSIONS, LOAD_SECONDS, THINK_MIN_MS / 1000, THINK_MAX_MS / 1000, machine()));
        out.append(String.format("%-24s %8s %10s %10s %10s%n", "round trip", "count", "p50", "p95", "p99"));
        out.append(String.format("%-24s %8d %10s %10s %10s%n", "inbox action", trips.actions().length, BenchmarkTable.ms(p(trips.actions(), 0.5)),
                BenchmarkTable.ms(actionP95), BenchmarkTable.ms(p(trips.actions(), 0.99))));
        out.append(String.format("%-24s %8d %10s %10s %10s%n", "no-op", trips.noops().length, BenchmarkTable.ms(p(trips.noops(), 0.5)),
                BenchmarkTable.ms(noopP95), BenchmarkTable.ms(p(trips.noops(), 0.99))));
        trips.byKind().forEach((kind, times) -> out.append(String.format("  %-22s %8d %10s %10s %10s%n", kind, times.length,
                BenchmarkTable.ms(p(times, 0.5)), BenchmarkTable.ms(p(times, 0.95)), BenchmarkTable.ms(p(times, 0.99)))));
        out.append(String.format("%-24s %8d %10s %10s %10s%n", "inbox action + driver", trips.actionsWithDriver().length,
                BenchmarkTable.ms(p(trips.actionsWithDriver(), 0.5)), BenchmarkTable.ms(p(trips.actionsWithDriver(), 0.95)),
                BenchmarkTable.ms(p(trips.actionsWithDriver(), 0.99))));
        out.append(String.format("%-24s %8d %10s %10s %10s%n", "no-op + driver", trips.noopsWithDriver().length,
                BenchmarkTable.ms(p(trips.noopsWithDriver(), 0.5)), BenchmarkTable.ms(p(trips.noopsWithDriver(), 0.95)),
                BenchmarkTable.ms(p(trips.noopsWithDriver(), 0.99))));
        out.append(String.format("(round trip = the HTTP exchange of the UIDL message; + driver = also choosing the row, building the message%n"
                + " and reading the answer into the driver's model, ratio of p95 %.2f)%n",
                p(trips.actionsWithDriver(), 0.95) / p(trips.noopsWithDriver(), 0.95)));
        out.append(String.format("ratio %.2f (target at most %.0fx); claim conflicts %d; errors %d%n", tripRatio, TARGET_RATIO, trips.conflicts(),
                trips.errors().size()));
        trips.errors().stream().distinct().limit(5).forEach(e -> out.append("  error: ").append(e).append('\n'));
        System.out.println(out);
        BenchmarkTable.record("P5-roundtrip", String.format("p95 round trip of inbox actions, %d sessions at once (ratio to a no-op round trip)%s",
                SESSIONS, trips.errors().isEmpty() ? "" : ", " + trips.errors().size() + " errors"), BenchmarkTable.ms(actionP95),
                BenchmarkTable.ms(noopP95) + " no-op", tripRatio, "<= 3x", tripRatio <= TARGET_RATIO && trips.errors().isEmpty());
    }
}
