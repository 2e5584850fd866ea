package nl.steunpunt.buddy.workflow.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves running cases onto the newest version of their process model. When a changed BPMN file is
 * deployed (at start-up, by auto-deployment), the cases that started on an older version would
 * otherwise run the old model to their end, for months. For every older version with running
 * instances a migration plan is built that maps every activity to the activity with the same ID in
 * the newest version (timers and messages updated to the new definitions). A case waiting in an
 * activity the new version no longer has cannot be mapped: it stays on its version, finishes there,
 * and is reported — it is never half-migrated, since the engine migrates each case in one transaction.
 * Two nodes starting at once may race; the loser's optimistic-lock failure is logged and harmless.
 */
@Component
class ModelMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModelMigrations.class);

    /** What one migration run did, per process key. */
    record Outcome(String processKey, int latestVersion, int migrated, Map<String, String> leftBehind) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final boolean enabled;
    private final Consumer<Collection<String>> moved;

    @Autowired
    ModelMigrations(RepositoryService repository, RuntimeService runtime,
            @Value("${buddy.engine.migrate-running-instances:true}") boolean enabled, TaskReadModel tasks) {
        this(repository, runtime, enabled, tasks::refresh);
    }

    /** {@code moved} learns of every case moved onto a new version (the migration fires no task events). */
    ModelMigrations(RepositoryService repository, RuntimeService runtime, boolean enabled, Consumer<Collection<String>> moved) {
        this.repository = repository;
        this.runtime = runtime;
        this.enabled = enabled;
        this.moved = moved;
    }

    ModelMigrations(RepositoryService repository, RuntimeService runtime, boolean enabled) {
        this(repository, runtime, enabled, ids -> {
        });
    }

    @EventListener(PostDeployEvent.class)
    void afterDeployment() {
        if (!enabled) {
            return;
        }
        for (Outcome outcome : migrateAll()) {
            if (outcome.migrated() > 0 || !outcome.leftBehind().isEmpty()) {
                log.info("Process model {}: {} running case(s) moved to version {}, {} left on their version {}", outcome.processKey(),
                        outcome.migrated(), outcome.latestVersion(), outcome.leftBehind().size(), outcome.leftBehind());
            }
        }
    }

    /** Every process key with running cases on an older version. */
    List<Outcome> migrateAll() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .sorted(Comparator.comparing(ProcessDefinition::getKey))
                .map(this::migrateTo)
                .filter(o -> o.migrated() > 0 || !o.leftBehind().isEmpty())
                .toList();
    }

    /** Moves the running cases of every older version of {@code latest}'s key onto it. */
    Outcome migrateTo(ProcessDefinition latest) {
        int migrated = 0;
        Map<String, String> leftBehind = new java.util.TreeMap<>();
        var versions = repository.createProcessDefinitionQuery().processDefinitionKey(latest.getKey());
        if (latest.getTenantId() == null) {
            versions.withoutTenantId();
        } else {
            versions.tenantIdIn(latest.getTenantId());
        }
        for (ProcessDefinition older : versions.list()) {
            if (older.getVersion() >= latest.getVersion()) {
                continue;
            }
            List<String> running = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list().stream()
                    .map(ProcessInstance::getId).collect(Collectors.toCollection(ArrayList::new));
            if (running.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().updateEventTriggers().build();
            } catch (ProcessEngineException e) {
                running.forEach(id -> leftBehind.put(id, "no valid plan from version " + older.getVersion() + ": " + reason(e)));
                continue;
            }
            try {
                runtime.newMigration(plan).processInstanceIds(running).execute();
                moved.accept(running);
                migrated += running.size();
            } catch (ProcessEngineException all) {
                // One case that cannot move (it waits in an activity the new version lacks) fails the
                // whole batch; move the others one by one and report the rest.
                for (String id : running) {
                    try {
                        runtime.newMigration(plan).processInstanceIds(id).execute();
                        moved.accept(List.of(id));
                        migrated++;
                    } catch (ProcessEngineException one) {
                        leftBehind.put(id, "version " + older.getVersion() + ": " + reason(one));
                    }
                }
            }
        }
        return new Outcome(latest.getKey(), latest.getVersion(), migrated, leftBehind);
    }

    /** The engine's reason on one line, at most 500 characters (it names the activities that cannot be mapped). */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
        return message.length() <= 500 ? message : message.substring(0, 500) + "…";
    }
}
