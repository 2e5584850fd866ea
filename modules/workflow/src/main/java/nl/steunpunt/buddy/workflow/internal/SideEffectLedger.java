package nl.steunpunt.buddy.workflow.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Exactly-once business side effects on top of the engine's at-least-once jobs. A job may run twice: a
 * retry after a failure, or another node after the first one died holding the job's lock. Each side effect
 * (a mail, an event) therefore claims a key in {@code side_effect_ledger} inside the transaction of the
 * effect itself: the primary key lets only one claim commit, and a second run finds the key and skips the
 * effect. A run that fails or dies rolls its claim back with the effect, so nothing is lost either.
 * <p>
 * Public for the reliability tests' probe process, which writes through this same ledger.
 */
@Component
public class SideEffectLedger {

    private static final Logger log = LoggerFactory.getLogger(SideEffectLedger.class);

    static final int PRUNE_BATCH = 5_000;

    private final JdbcClient db;
    private final Clock clock;
    private final String node;
    private final Duration retention;

    SideEffectLedger(JdbcClient db, Clock clock, @Value("${buddy.node-name:}") String node,
            @Value("${buddy.workflow.side-effect-ledger.retention:P30D}") Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
        this.node = node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
    }

    /**
     * Runs the effect unless an effect with this key was already recorded. Must run inside the transaction
     * that the effect belongs to; a concurrent claim of the same key waits for the other transaction and
     * then skips (when it committed) or runs (when it rolled back).
     *
     * @return whether the effect ran
     */
    public boolean once(String effectKey, String businessKey, Runnable effect) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A side effect is claimed inside the transaction of the effect: " + effectKey);
        }
        int claimed = db.sql("""
                INSERT INTO side_effect_ledger (effect_key, business_key, node, recorded_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (effect_key) DO NOTHING""")
                .params(effectKey, businessKey, node, Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            log.info("Side effect {} of case {} already happened; not repeated", effectKey, businessKey);
            return false;
        }
        effect.run();
        return true;
    }

    /**
     * Runs the effect of a process step once. The key is the step's job (stable over retries and over
     * nodes) or, for a step run without a job, its activity instance; {@code effect} names the effect within
     * the step.
     */
    public boolean onceForStep(DelegateExecution execution, String effect, Runnable action) {
        return once(stepKey(execution, effect), execution.getProcessBusinessKey(), action);
    }

    /**
     * Removes the claims recorded before {@code retention} ago, in batches, and returns how many. A claim
     * matters only while the step or listener that made it can run again after its effect committed: a second
     * run that overlapped the first (a job whose lock ran out, another node), which the engine's job lock time
     * and the event redelivery interval bound to minutes. Everything that failed rolled its claim back with it.
     * So a retention of days keeps every claim that can still be needed, and the table stops growing.
     */
    public int prune(Duration retention) {
        int removed = BatchedDelete.before(db, "side_effect_ledger", "effect_key", "recorded_at",
                Timestamp.from(clock.instant().minus(retention)), PRUNE_BATCH);
        if (removed > 0) {
            log.info("Side-effect ledger: {} claims older than {} removed", removed, retention);
        }
        return removed;
    }

    @Scheduled(fixedDelayString = "${buddy.workflow.side-effect-ledger.prune-interval:PT6H}",
            initialDelayString = "${buddy.workflow.side-effect-ledger.prune-interval:PT6H}")
    void pruneOnSchedule() {
        try {
            prune(retention);
        } catch (RuntimeException e) {
            log.warn("Pruning the side-effect ledger failed; trying again at the next interval", e);
        }
    }

    static String stepKey(DelegateExecution execution, String effect) {
        CommandContext command = Context.getCommandContext();
        JobEntity job = command == null ? null : command.getCurrentJob();
        String step = job != null ? "job:" + job.getId() : "activity:" + execution.getActivityInstanceId();
        return step + ":" + execution.getCurrentActivityId() + ":" + effect;
    }
}
