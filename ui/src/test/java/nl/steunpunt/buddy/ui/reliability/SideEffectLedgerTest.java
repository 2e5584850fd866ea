package nl.steunpunt.buddy.ui.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.workflow.internal.SideEffectLedger;

class SideEffectLedgerTest extends ApplicationTest {

    @Autowired SideEffectLedger ledger;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    private final AtomicInteger effects = new AtomicInteger();

    @Test
    void an_effect_runs_once_per_key_also_when_claimed_again_later() {
        String key = "test:" + UUID.randomUUID();
        assertThat(inTransaction(key)).isTrue();
        assertThat(inTransaction(key)).isFalse();
        assertThat(effects).hasValue(1);
        assertThat(db.sql("SELECT count(*) FROM side_effect_ledger WHERE effect_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_claim_that_rolls_back_with_its_transaction_leaves_the_effect_to_the_next_run() {
        String key = "test:" + UUID.randomUUID();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            ledger.once(key, "CASE-1", effects::incrementAndGet);
            throw new IllegalStateException("the step failed after its effect");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(inTransaction(key)).isTrue();
        assertThat(effects).hasValue(2);
    }

    @Test
    void a_concurrent_claim_waits_for_the_first_and_then_skips() throws Exception {
        String key = "test:" + UUID.randomUUID();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(tx -> {
            boolean ran = ledger.once(key, "CASE-1", effects::incrementAndGet);
            claimed.countDown();
            await(release);
            return ran;
        }));
        assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> inTransaction(key));
        Thread.sleep(500);
        assertThat(second).isNotDone();
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(effects).hasValue(1);
    }

    @Test
    void a_claim_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> ledger.once("test:" + UUID.randomUUID(), "CASE-1", effects::incrementAndGet))
                .isInstanceOf(IllegalStateException.class);
        assertThat(effects).hasValue(0);
    }

    @Test
    void pruning_removes_the_claims_older_than_the_retention_and_keeps_the_recent_ones() {
        String old = "test:old:" + UUID.randomUUID();
        String recent = "test:recent:" + UUID.randomUUID();
        inTransaction(old);
        inTransaction(recent);
        db.sql("UPDATE side_effect_ledger SET recorded_at = recorded_at - interval '31 days' WHERE effect_key = ?").param(old).update();
        long before = db.sql("SELECT count(*) FROM side_effect_ledger").query(Long.class).single();
        long older = db.sql("SELECT count(*) FROM side_effect_ledger WHERE recorded_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(30)))).query(Long.class).single();

        int removed = ledger.prune(Duration.ofDays(30));

        assertThat(removed).isEqualTo(older).isPositive();
        assertThat(keys()).doesNotContain(old).contains(recent);
        assertThat(db.sql("SELECT count(*) FROM side_effect_ledger").query(Long.class).single()).isEqualTo(before - older);
        assertThat(ledger.prune(Duration.ofDays(30))).isZero();
    }

    @Test
    void pruning_works_through_more_rows_than_one_batch() {
        db.sql("""
                INSERT INTO side_effect_ledger (effect_key, business_key, node, recorded_at)
                SELECT 'test:batch:' || g, 'CASE-1', 'test', ? FROM generate_series(1, 12001) g""")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(40)))).update();

        ledger.prune(Duration.ofDays(30));

        assertThat(db.sql("SELECT count(*) FROM side_effect_ledger WHERE effect_key LIKE 'test:batch:%'").query(Long.class).single()).isZero();
    }

    private java.util.List<String> keys() {
        return db.sql("SELECT effect_key FROM side_effect_ledger").query(String.class).list();
    }

    private boolean inTransaction(String key) {
        return new TransactionTemplate(transactions).execute(tx -> ledger.once(key, "CASE-1", effects::incrementAndGet));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
