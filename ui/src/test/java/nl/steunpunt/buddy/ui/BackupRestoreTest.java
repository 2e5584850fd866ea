package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.database.EmbeddedPostgresAutoConfiguration.EmbeddedPostgresLauncher;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.ui.MatchingWorld.Buddy;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;
import nl.steunpunt.buddy.ui.backup.BackupManifest;
import nl.steunpunt.buddy.ui.backup.Manifests;

/**
 * RELIABILITY.md item 7: {@code infra/backup/backup.sh} dumps the shared test database while the
 * application runs on it, {@code restore.sh} loads the dump into a new PostgreSQL, and a second
 * instance of the application starts on that copy: the cases, their module rows, process instances,
 * open tasks, timers and history are the same, and work goes on there.
 */
class BackupRestoreTest extends ApplicationTest {

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired SupportWorld support;
    @Autowired HelpRequests requests;
    @Autowired ContactLog contactLog;
    @Autowired DataSource dataSource;
    @Autowired ApplicationContext context;

    @TempDir Path temp;

    @AfterEach
    void tearDown() {
        world.signOut();
    }

    @Test
    void a_backup_restored_into_a_new_database_runs_the_same_cases_and_processes_on() throws Exception {
        // Cases in several phases, each with its process waiting at user tasks and timers.
        Scene scene = matching.scene();
        Buddy noor = matching.certifiedBuddy(scene, buddy("noor").maxMatches(3));
        Buddy sam = matching.certifiedBuddy(scene, buddy("sam").maxMatches(3));
        HelpRequestId inIntake = matching.request(scene).submit();
        matching.awaitTask(scene.coordinator(), inIntake, MatchingProcess.TASK_INTAKE_REQUEST);
        HelpRequestId proposed = matching.request(scene).submit();
        matching.toProposeTask(scene, proposed);
        matching.propose(scene.coordinator(), proposed, noor, null);
        matching.awaitTask(noor.username(), proposed, MatchingProcess.TASK_ANSWER_PROPOSAL);
        BuddyMatch active = support.activeMatch(scene, sam);
        world.as(sam.username(), () -> contactLog.record(active.matchId(),
                new NewContact(LocalDate.now(context.getBean(java.time.Clock.class)), ContactKind.PHONE, 20, "Eerste gesprek", java.util.Set.of())));
        HelpRequestId withdrawn = matching.request(scene).submit();
        world.as(scene.coordinator(), () -> {
            requests.withdraw(withdrawn, "Elders geholpen");
            return null;
        });
        Map<String, Object> before = awaitQuiet(context, scene);
        Map<HelpRequestId, HelpRequestStatus> statuses = statuses(context, inIntake, proposed, active.request(), withdrawn);
        assertThat(statuses).containsEntry(inIntake, HelpRequestStatus.INTAKE).containsEntry(withdrawn, HelpRequestStatus.WITHDRAWN)
                .containsEntry(proposed, HelpRequestStatus.PROPOSED).containsEntry(active.request(), HelpRequestStatus.ACTIVE);
        assertThat(before.toString()).contains("Task_IntakeRequest", "Task_AnswerProposal", "timer");

        // Backup of the running database, with the real script.
        Path dump = temp.resolve("backup");
        String urlA;
        try (Connection connection = dataSource.getConnection()) {
            urlA = connection.getMetaData().getURL();
        }
        long dumpStart = System.nanoTime();
        Script backup = script("backup.sh", urlA, dump);
        double dumpSeconds = seconds(dumpStart);
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        BackupManifest manifest = Manifests.read(dump.resolve(BackupManifest.FILE));
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                .contains("help_request", "contact_log", "audit_log", "flyway_schema_history", "act_ru_task", "act_ru_job", "act_hi_actinst");

        try (EmbeddedPostgres databaseB = EmbeddedPostgresLauncher.start("", 0)) {
            String urlB = databaseB.getJdbcUrl("postgres", "postgres");
            long restoreStart = System.nanoTime();
            Script restore = script("restore.sh", urlB, dump);
            double restoreSeconds = seconds(restoreStart);
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            assertThat(countsOf(urlB, manifest)).isEqualTo(countsOf(manifest));

            // A restore never goes into a database that has data.
            Script again = script("restore.sh", urlB, dump);
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.output()).contains("not empty");

            long startB = System.nanoTime();
            try (ConfigurableApplicationContext restored = ContextOnDatabase.start("restored", urlB, "postgres", "postgres")) {
                double startSeconds = seconds(startB);
                assertThat(processState(restored, scene)).isEqualTo(before);
                assertThat(statuses(restored, inIntake, proposed, active.request(), withdrawn)).isEqualTo(statuses);
                assertThat(restored.getBean(TestWorld.class).as(sam.username(),
                        () -> restored.getBean(ContactLog.class).logOf(active.matchId()).toString())).contains("Eerste gesprek");

                // Work goes on on the copy, and only there.
                MatchingWorld matchingB = restored.getBean(MatchingWorld.class);
                matchingB.intake(scene.coordinator(), inIntake);
                matchingB.awaitTask(scene.coordinator(), inIntake, MatchingProcess.TASK_PROPOSE_BUDDY);
                assertThat(restored.getBean(HelpRequests.class).status(inIntake)).isEqualTo(HelpRequestStatus.SEARCHING);
                assertThat(requests.status(inIntake)).isEqualTo(HelpRequestStatus.INTAKE);

                System.out.printf(Locale.ROOT, "BACKUP-RESTORE tables=%d rows=%d bytes=%d sequences=%d dump=%.1fs restore=%.1fs "
                        + "app-start-on-copy=%.1fs%n%s%n%s%n", manifest.tables().size(), manifest.rows(), manifest.bytes(),
                        manifest.sequences().size(), dumpSeconds, restoreSeconds, startSeconds, backup.output().strip(),
                        restore.output().strip());
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    record Script(int exitCode, String output) {
    }

    /** Runs an infra/backup script as an operator would, on this test's class path. */
    private Script script(String name, String url, Path directory) throws IOException, InterruptedException {
        Path script = repositoryRoot().resolve("infra/backup").resolve(name);
        ProcessBuilder builder = new ProcessBuilder(script.toString(), directory.toString()).redirectErrorStream(true);
        builder.environment().put("BUDDY_DB_URL", url);
        builder.environment().put("BUDDY_DB_USER", "postgres");
        builder.environment().put("BUDDY_DB_PASSWORD", "postgres");
        builder.environment().put("BUDDY_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Script(process.exitValue(), output);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("infra/backup/backup.sh"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above the working directory").isNotNull();
        return dir;
    }

    private static Map<String, Long> countsOf(BackupManifest manifest) {
        Map<String, Long> counts = new TreeMap<>();
        manifest.tables().forEach(t -> counts.put(t.schema() + "." + t.name(), t.rows()));
        return counts;
    }

    private static Map<String, Long> countsOf(String url, BackupManifest manifest) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            for (BackupManifest.Table table : manifest.tables()) {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT count(*) FROM " + table.qualified())) {
                    rows.next();
                    counts.put(table.schema() + "." + table.name(), rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * Waits until the scene's processes rest at user tasks and timers that are not yet due (listeners
     * and async steps done: two readings a second apart are the same); returns that state.
     */
    private static Map<String, Object> awaitQuiet(ApplicationContext context, Scene scene) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        ManagementService management = context.getBean(ManagementService.class);
        AtomicReference<Map<String, Object>> last = new AtomicReference<>();
        return MatchingWorld.await().pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            long due = runtime.createProcessInstanceQuery().variableValueEquals(MatchingProcess.Variables.REGION_CODE, scene.region().value())
                    .list().stream().mapToLong(pi -> management.createJobQuery().processInstanceId(pi.getId()).executable().count()).sum();
            Map<String, Object> state = processState(context, scene);
            return due == 0 && state.equals(last.getAndSet(state)) ? state : null;
        }, state -> state != null);
    }

    /**
     * The engine's view of the scene: every running instance with its position, open tasks and jobs,
     * and the history of all instances (running and ended) as counts.
     */
    private static Map<String, Object> processState(ApplicationContext context, Scene scene) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        ManagementService management = context.getBean(ManagementService.class);
        HistoryService history = context.getBean(HistoryService.class);
        String region = scene.region().value();
        Map<String, Object> state = new TreeMap<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().variableValueEquals(MatchingProcess.Variables.REGION_CODE, region)
                .orderByProcessInstanceId().asc().list()) {
            List<String> described = new ArrayList<>();
            described.add(pi.getProcessDefinitionId().split(":")[0] + " " + pi.getBusinessKey() + " at "
                    + runtime.getActiveActivityIds(pi.getId()).stream().sorted().toList());
            tasks.createTaskQuery().processInstanceId(pi.getId()).orderByTaskId().asc().list()
                    .forEach(t -> described.add("task " + t.getId() + " " + t.getTaskDefinitionKey() + " assignee=" + t.getAssignee()
                            + " due=" + t.getDueDate()));
            management.createJobQuery().processInstanceId(pi.getId()).orderByJobId().asc().list()
                    .forEach(j -> described.add("job " + j.getId() + " " + (j.getDuedate() == null ? "async" : "timer due=" + j.getDuedate())
                            + " retries=" + j.getRetries()));
            state.put("instance " + pi.getId(), described);
        }
        List<String> all = history.createHistoricProcessInstanceQuery().variableValueEquals(MatchingProcess.Variables.REGION_CODE, region)
                .list().stream().map(h -> h.getId()).sorted().toList();
        state.put("history instances", all.size());
        state.put("history ended", history.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(all))
                .finished().count());
        state.put("history activities", all.stream().mapToLong(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id).count()).sum());
        state.put("history tasks", all.stream().mapToLong(id -> history.createHistoricTaskInstanceQuery().processInstanceId(id).count()).sum());
        state.put("history variable updates", all.stream()
                .mapToLong(id -> history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().count()).sum());
        return state;
    }

    private static Map<HelpRequestId, HelpRequestStatus> statuses(ApplicationContext context, HelpRequestId... ids) {
        HelpRequests requests = context.getBean(HelpRequests.class);
        Map<HelpRequestId, HelpRequestStatus> statuses = new java.util.LinkedHashMap<>();
        for (HelpRequestId id : ids) {
            statuses.put(id, requests.status(id));
        }
        return statuses;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
