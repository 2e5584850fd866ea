package nl.steunpunt.buddy.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.ui.ApplicationTest;

/**
 * The event publication registry stops growing: publications completed longer than the retention ago are
 * removed (in batches), those completed recently and those not yet completed — events still to be delivered,
 * however old — stay.
 */
class EventPublicationRetentionTest extends ApplicationTest {

    private static final String LISTENER = "EventPublicationRetentionTest.listener";

    @Autowired EventPublicationRetention retention;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @AfterEach
    void removeRows() {
        db.sql("DELETE FROM event_publication WHERE listener_id = ?").param(LISTENER).update();
    }

    @Test
    void completed_publications_older_than_the_retention_go_recent_and_incomplete_ones_stay() {
        Instant now = clock.instant();
        int old = EventPublicationRetention.BATCH + 7; // more than one batch
        db.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)
                SELECT gen_random_uuid(), ?, 'test.Old', '{}', ?, ? FROM generate_series(1, ?)""")
                .params(LISTENER, Timestamp.from(now.minus(Duration.ofDays(40))), Timestamp.from(now.minus(Duration.ofDays(30))), old)
                .update();
        UUID recent = insert(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        UUID pendingOld = insert(now.minus(Duration.ofDays(60)), null);

        int removed = retention.purge(Duration.ofDays(7));

        assertThat(removed).isGreaterThanOrEqualTo(old);
        List<UUID> left = db.sql("SELECT id FROM event_publication WHERE listener_id = ?").param(LISTENER).query(UUID.class).list();
        assertThat(left).containsExactlyInAnyOrder(recent, pendingOld);
        assertThat(retention.purge(Duration.ofDays(7))).as("nothing left to remove").isZero();
    }

    private UUID insert(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date) "
                + "VALUES (?, ?, 'test.Kept', '{}', ?, ?)")
                .params(id, LISTENER, Timestamp.from(published), completed == null ? null : Timestamp.from(completed)).update();
        return id;
    }
}
