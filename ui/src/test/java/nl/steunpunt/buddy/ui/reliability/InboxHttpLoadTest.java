package nl.steunpunt.buddy.ui.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.shared.bench.BenchmarkTable;
import nl.steunpunt.buddy.ui.http.HttpApplicationTest;
import nl.steunpunt.buddy.ui.http.VaadinHttpSession;
import nl.steunpunt.buddy.ui.http.VaadinHttpSession.Notice;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Item 8 of the reliability issue over real HTTP (a benchmark, run with {@code -Pbench}; the normal run has the
 * service-level {@link InboxLoadTest}): {@value #USERS} simulated coordinators arrive over {@value #RAMP_UP_SECONDS} s and
 * then all work their inboxes at the same time for {@value #SECONDS} s on this machine, each in her own HTTP and Vaadin session, through the
 * screens as a browser uses them ({@link VaadinHttpSession}: form login, bootstrap, UIDL round trips):
 * the inbox with a page of its grid; a filter, a sort or the next page; opening a task screen with its
 * case timeline; claiming the task, adding a note, giving it back; back to the inbox; two to five seconds
 * between steps, three to eight for reading a case. Real buddy
 * applications in two regions supply the tasks; each coordinator account is used by ten users at once,
 * so colleagues race for the same tasks. A colleague's claim shown as its translated message is a
 * conflict; anything else (an HTTP status other than 200, an application error or expired session in
 * the UIDL, an error notification that is not one of those messages, an exception) is an error.
 * Records the errors (row R8-http-load of the benchmark table) and idle users; prints p50/p95/p99 per action and writes them
 * to {@code target/reliability/load-http.md}.
 */
@Tag("bench")
class InboxHttpLoadTest extends HttpApplicationTest {

    static final int USERS = 200;
    static final int SECONDS = 60;
    /** Users arrive one by one over this time (each signs in and opens her inbox), then all of them work for {@link #SECONDS}. */
    static final int RAMP_UP_SECONDS = 30;
    static final int ACCOUNTS_PER_REGION = 10;
    static final int APPLICATIONS_PER_REGION = 120;
    static final Path REPORT = Path.of("target", "reliability", "load-http.md");
    /** The translated messages of a race lost to a colleague (error.task.taken, error.task.gone). */
    static final List<String> CONFLICT_MESSAGES = List.of("Deze taak is al opgepakt door", "Deze taak is al afgerond");

    static final String OPEN_INBOX = "1 open inbox (sign-in session)";
    static final String BROWSE = "2 filter, sort or page";
    static final String OPEN_TASK = "3 open task + case timeline";
    static final String CLAIM = "4 claim";
    static final String NOTE = "5 add a note";
    static final String GIVE_BACK = "6 give back";
    static final String BACK = "7 back to the inbox";

    @Autowired TestWorld world;
    @Autowired Regions regions;
    @Autowired LocalAccounts accounts;
    @Autowired WorkItems workItems;

    private final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicLong roundTrips = new AtomicLong();

    @Test
    void two_hundred_coordinators_work_their_inboxes_over_http_at_once_without_an_error() throws Exception {
        List<String> coordinators = LoadWorld.seed(world, regions, accounts, workItems, ACCOUNTS_PER_REGION, APPLICATIONS_PER_REGION);

        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(RAMP_UP_SECONDS + SECONDS).toNanos();
        CountDownLatch done = new CountDownLatch(USERS);
        AtomicInteger idle = new AtomicInteger();
        for (int u = 0; u < USERS; u++) {
            String account = coordinators.get(u % coordinators.size());
            long arrival = start + Duration.ofSeconds(RAMP_UP_SECONDS).toNanos() * u / USERS;
            new Thread(() -> {
                try {
                    if (work(account, arrival, deadline) == 0) {
                        idle.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(account + ": " + e);
                } finally {
                    done.countDown();
                }
            }, "load-user-" + u).start();
        }
        done.await();

        String table = report(LoadWorld.REGIONS.size() * APPLICATIONS_PER_REGION, coordinators.size());
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, table, StandardCharsets.UTF_8);
        System.out.println(table);
        // A benchmark: what 200 sessions get on this machine is recorded, not asserted.
        long actions = roundTrips.get();
        BenchmarkTable.record("R8-http-load", String.format("%d coordinators over HTTP, %d s: actions with an error", USERS,
                RAMP_UP_SECONDS + SECONDS), errors.size() + " of " + actions, idle.get() + " users idle", "",
                "0 errors", errors.isEmpty() && idle.get() == 0);
    }

    /** One user's session until the deadline; the number of tasks she claimed, noted and gave back. */
    private int work(String account, long arrival, long deadline) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LoadWorld.think((int) Math.max(0, (arrival - System.nanoTime()) / 1_000_000));
        VaadinHttpSession user = newUser();
        if (!user.signIn(account, TestWorld.PASSWORD)) {
            throw new AssertionError("sign-in refused");
        }
        timed(OPEN_INBOX, user, () -> {
            user.open("inbox");
            user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
        });
        int worked = 0;
        while (System.nanoTime() < deadline) {
            worked += round(user, random);
        }
        return worked;
    }

    /** One round from the inbox: browse, open a free task, claim it, note, give back, back to the inbox; 1 when done. */
    private int round(VaadinHttpSession user, ThreadLocalRandom random) throws Exception {
        LoadWorld.think(random.nextInt(2000, 5000));
        timed(BROWSE, user, () -> browse(user, random));
        List<VaadinHttpSession.GridRow> free = user.rows("inbox-grid").stream().filter(row -> row.is("claim")).toList();
        if (free.isEmpty()) {
            return 0;
        }
        VaadinHttpSession.GridRow task = free.get(random.nextInt(free.size()));
        LoadWorld.think(random.nextInt(2000, 5000));
        timed(OPEN_TASK, user, () -> user.callRenderer(task, "open"));
        int result = 0;
        if (user.byId("task-claim").isPresent() && user.byId("case-timeline").isPresent()) {
            LoadWorld.think(random.nextInt(3000, 8000)); // reading the case file and its timeline
            timed(CLAIM, user, () -> user.click("task-claim"));
            if (user.byId("task-unclaim").isPresent()) {
                LoadWorld.think(random.nextInt(2000, 5000));
                timed(NOTE, user, () -> {
                    user.setProperty("task-note", "value", "Bekeken tijdens de belastingtest");
                    user.click("add-note");
                });
                LoadWorld.think(random.nextInt(1000, 3000));
                timed(GIVE_BACK, user, () -> user.click("task-unclaim"));
                result = user.byId("task-claim").isPresent() ? 1 : 0;
            }
        } else {
            conflicts.incrementAndGet(); // a colleague took it between the inbox and the task screen: the screen says so
        }
        LoadWorld.think(random.nextInt(1000, 3000));
        timed(BACK, user, () -> {
            user.navigate("inbox");
            user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
        });
        return result;
    }

    /** What a coordinator does in the inbox before she picks a task: a filter, a sort, or another page. */
    private void browse(VaadinHttpSession user, ThreadLocalRandom random) throws Exception {
        switch (random.nextInt(4)) {
            case 0 -> user.setProperty("filter-scope", "value", option(user, "Niet toegewezen"));
            case 1 -> user.setProperty("filter-scope", "value", option(user, "Alle taken van mijn regio's"));
            case 2 -> user.call(user.require("inbox-grid"), "sortersChanged",
                    List.of(Map.of("path", random.nextBoolean() ? "col3" : "col4", "direction", random.nextBoolean() ? "asc" : "desc")));
            default -> {
                user.call(user.require("inbox-grid"), "setViewportRange", 50, 50);
                user.call(user.require("inbox-grid"), "setViewportRange", 0, 50);
            }
        }
    }

    private static String option(VaadinHttpSession user, String label) {
        return user.all(n -> "vaadin-select-item".equals(n.tag()) && user.text(n).trim().equals(label)).stream().findFirst()
                .flatMap(n -> n.property("value")).orElseThrow(() -> new AssertionError("no option " + label));
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Times one user action (one or more round trips) and sorts what the server showed into conflicts and errors. */
    private void timed(String action, VaadinHttpSession user, Step step) throws Exception {
        long start = System.nanoTime();
        try {
            step.run();
        } finally {
            times.computeIfAbsent(action, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
            roundTrips.incrementAndGet();
        }
        for (Notice notice : user.notifications()) {
            if (notice.isError()) {
                if (CONFLICT_MESSAGES.stream().anyMatch(notice.text()::startsWith)) {
                    conflicts.incrementAndGet();
                } else {
                    errors.add(action + ": " + notice.text());
                }
            }
        }
    }


    private String report(int tasks, int accountCount) {
        StringBuilder out = new StringBuilder(String.format("%nInbox load over HTTP: %d simulated coordinators (%d accounts, 2 regions, %d open tasks),"
                + " arriving over %d s, then %d s all at work; %d cores, Java %s, load average %.1f%n", USERS, accountCount, tasks, RAMP_UP_SECONDS,
                SECONDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append(LoadWorld.timesTable(times, 32));
        out.append(String.format("user actions %d, conflicts (told \"already taken\") %d, errors %d%n", roundTrips.get(), conflicts.get(),
                errors.size()));
        synchronized (errors) {
            errors.stream().limit(20).forEach(e -> out.append("  error: ").append(e).append('\n'));
        }
        return out.toString();
    }
}
