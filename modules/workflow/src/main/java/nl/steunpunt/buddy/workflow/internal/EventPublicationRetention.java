package nl.steunpunt.buddy.workflow.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring Modulith's event publication registry from growing for ever: every module event and every engine
 * task event leaves a row per listener in {@code event_publication}, completed once its listener ran. A completed
 * publication is never read again (only incomplete ones are delivered again, see {@link EventRedelivery}), so those
 * completed longer than the retention ago are removed, in batches, at the interval. Incomplete publications stay
 * whatever their age: they are the events still to be delivered.
 */
@Component
class EventPublicationRetention {

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetention.class);

    private final JdbcClient db;
    private final Clock clock;
    private final Duration retention;

    EventPublicationRetention(JdbcClient db, Clock clock, @Value("${buddy.events.completed-retention:P7D}") Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    /** Removes the publications completed before {@code retention} ago; returns how many. */
    int purge(Duration retention) {
        int removed = BatchedDelete.before(db, "event_publication", "id", "completion_date",
                Timestamp.from(clock.instant().minus(retention)), BATCH);
        if (removed > 0) {
            log.info("Event publication registry: {} publications completed more than {} ago removed", removed, retention);
        }
        return removed;
    }

    @Scheduled(fixedDelayString = "${buddy.events.purge-interval:PT6H}", initialDelayString = "${buddy.events.purge-interval:PT6H}")
    void purgeOnSchedule() {
        try {
            purge(retention);
        } catch (RuntimeException e) {
            log.warn("Removing completed event publications failed; trying again at the next interval", e);
        }
    }
}
