package nl.steunpunt.buddy.ui.reliability;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Item 8 of the reliability issue: {@value #USERS} simulated coordinators work their inboxes at the same
 * time for {@value #SECONDS} s on this machine, through the same service calls the inbox and task
 * screens make: a page of 50 tasks and its count, opening a task with its case timeline, claiming it,
 * adding a note, giving it back. Real buddy applications in two regions supply the tasks; each
 * coordinator account is used by ten users at once, so colleagues race for the same tasks. A claim
 * a colleague won is answered with its translated message and counted as a conflict; anything else
 * that is not a translated message is an error. Asserts no errors and that every user got work done;
 * prints p50/p95/p99 per action and writes them to {@code target/reliability/load.md}.
 */
class InboxLoadTest extends ApplicationTest {

    static final int USERS = 200;
    static final int SECONDS = 60;
    static final int ACCOUNTS_PER_REGION = 10;
    static final int APPLICATIONS_PER_REGION = 120;
    static final Path REPORT = Path.of("target", "reliability", "load.md");

    @Autowired TestWorld world;
    @Autowired Regions regions;
    @Autowired LocalAccounts accounts;
    @Autowired WorkItems workItems;

    private final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicLong actions = new AtomicLong();

    @Test
    void two_hundred_coordinators_work_their_inboxes_at_once_without_an_error() throws Exception {
        List<String> coordinators = LoadWorld.seed(world, regions, accounts, workItems, ACCOUNTS_PER_REGION, APPLICATIONS_PER_REGION);

        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        CountDownLatch done = new CountDownLatch(USERS);
        AtomicInteger idle = new AtomicInteger();
        for (int u = 0; u < USERS; u++) {
            String account = coordinators.get(u % coordinators.size());
            new Thread(() -> {
                try {
                    world.signIn(account);
                    int worked = work(deadline);
                    if (worked == 0) {
                        idle.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(account + ": " + e);
                } finally {
                    world.signOut();
                    done.countDown();
                }
            }, "load-user-" + u).start();
        }
        done.await();

        String table = report(LoadWorld.REGIONS.size() * APPLICATIONS_PER_REGION, coordinators.size());
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, table, StandardCharsets.UTF_8);
        System.out.println(table);
        assertThat(errors).as("errors under load").isEmpty();
        assertThat(idle.get()).as("users who got no task done").isZero();
        assertThat(times.get("claim, note, give back")).as("claims").hasSizeGreaterThan(USERS);
    }

    /**
     * One user's session: inbox, open a task, claim it, add a note, give it back; two to five seconds between steps and
     * three to eight reading the case, as in {@code InboxHttpLoadTest}.
     */
    private int work(long deadline) {
        int worked = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LoadWorld.think(random.nextInt(0, 5000)); // users do not all arrive in the same millisecond
        while (System.nanoTime() < deadline) {
            try {
                worked += step(random);
            } catch (TranslatableException e) {
                conflicts.incrementAndGet(); // a colleague changed the task between two steps: told so, in her language
            }
        }
        return worked;
    }

    /** One round: the inbox, a free task opened, claimed, noted and given back; 1 when it was done. */
    private int step(ThreadLocalRandom random) {
        List<WorkItem> page = timed("inbox page of 50 + count", () -> {
            List<WorkItem> found = workItems.find(WorkItemQuery.inbox(), 0, 50);
            workItems.count(WorkItemQuery.inbox());
            return found;
        });
        LoadWorld.think(random.nextInt(2000, 5000));
        List<WorkItem> free = page.stream().filter(t -> t.assignee().isEmpty()).toList();
        if (free.isEmpty()) {
            return 0;
        }
        WorkItem task = free.get(random.nextInt(free.size()));
        timed("open task + case timeline", () -> {
            workItems.get(task.id());
            return workItems.history(task.caseReference());
        });
        LoadWorld.think(random.nextInt(3000, 8000)); // reading the case file and its timeline
        boolean claimed = timed("claim, note, give back", () -> {
            try {
                workItems.claim(task.id());
            } catch (TranslatableException e) {
                conflicts.incrementAndGet(); // a colleague took it first: told so, in her language
                return false;
            }
            workItems.comment(task.id(), "Bekeken tijdens de belastingtest");
            workItems.unclaim(task.id());
            return true;
        });
        LoadWorld.think(random.nextInt(2000, 5000));
        return claimed ? 1 : 0;
    }

    private <T> T timed(String action, Supplier<T> step) {
        long start = System.nanoTime();
        try {
            return step.get();
        } catch (TranslatableException e) {
            throw e;
        } catch (RuntimeException e) {
            errors.add(action + ": " + e);
            throw e;
        } finally {
            times.computeIfAbsent(action, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
            actions.incrementAndGet();
        }
    }


    private String report(int tasks, int accountCount) {
        StringBuilder out = new StringBuilder(String.format("%nInbox load: %d simulated coordinators (%d accounts, 2 regions, %d open tasks), %d s,"
                + " %d cores, Java %s%n", USERS, accountCount, tasks, SECONDS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        out.append(LoadWorld.timesTable(times, 28));
        out.append(String.format("offered load: %.1f actions a second%n", actions.get() / (double) SECONDS));
        out.append(String.format("actions %d, conflicts (told \"already taken\" or \"already done\") %d, errors %d%n", actions.get(), conflicts.get(),
                errors.size()));
        return out.toString();
    }
}
