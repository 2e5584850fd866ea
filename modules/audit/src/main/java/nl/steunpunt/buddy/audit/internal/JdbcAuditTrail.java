package nl.steunpunt.buddy.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.AuditEvent;
import nl.steunpunt.buddy.shared.AuditTrail;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * Writes audit entries with the caller's connection, inside the caller's transaction: a view or change
 * that is rolled back leaves no entry, and one that is committed cannot lose its entry.
 */
@Component
@Transactional
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient db;
    private final CurrentActor currentActor;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient db, CurrentActor currentActor, Clock clock) {
        this.db = db;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    public void record(AuditEvent event) {
        Optional<Actor> actor = currentActor.current();
        String roles = actor.map(a -> a.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","))).orElse("");
        String regions = actor.map(a -> new TreeSet<>(a.regions()).stream().map(RegionCode::value).collect(Collectors.joining(",")))
                .orElse("");
        db.sql("INSERT INTO audit_log (at, user_id, roles, regions, action, subject_type, subject_id, region_code) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor.map(Actor::userId).orElse(null), roles, regions,
                        event.action().name(), event.subjectType().name(), event.subjectId(),
                        event.regionCode() == null ? null : event.regionCode().value())
                .update();
    }
}
