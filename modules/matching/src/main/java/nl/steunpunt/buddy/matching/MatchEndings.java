package nl.steunpunt.buddy.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.AuditEvent;
import nl.steunpunt.buddy.shared.AuditTrail;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.training.Training;

/**
 * The end of a match: support stops with a reason (the review decides to close, or parent or buddy
 * end it early) and the match is {@link MatchStatus#ENDING}; the buddy's place stays taken until the
 * closure restores it ({@link #close}), which announces the freed place.
 */
@Service
@Transactional
public class MatchEndings {

    private final JdbcClient db;
    private final MatchRecords records;
    private final Training training;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    MatchEndings(JdbcClient db, MatchRecords records, Training training, CurrentActor currentActor, ApplicationEventPublisher events,
            Clock clock, AuditTrail audit) {
        this.db = db;
        this.records = records;
        this.training = training;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** How a match ended. */
    public record MatchClosure(UUID matchId, ClosureReason reason, Optional<String> note, Instant endedAt) {
    }

    /**
     * Support of an active match stops for this reason: the region's coordinator or the match's own
     * buddy records it. Refused when the match is not active (already ending or closed).
     */
    public MatchFacts end(UUID matchId, ClosureReason reason, String note) {
        Actor actor = currentActor.require();
        MatchFacts facts = lockedFacts(matchId);
        boolean coordinator = actor.hasRoleIn(Role.COORDINATOR, facts.region());
        if (!coordinator && !isOwnBuddy(actor, facts)) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
        if (reason == null) {
            throw new InvalidInputException("error.match.closure-reason.required");
        }
        if (facts.status() != MatchStatus.ACTIVE) {
            throw new InvalidInputException("error.match.not-active");
        }
        String text = HelpRequests.text(note, null, false);
        db.sql("UPDATE buddy_match SET status = 'ENDING', closure_reason = ?, closure_note = ?, ended_at = ? WHERE id = ?")
                .params(reason.name(), text, Timestamp.from(clock.instant()), matchId).update();
        db.sql("UPDATE help_request SET status = 'CLOSED', last_changed_at = ?, version = version + 1 WHERE id = ?")
                .params(Timestamp.from(clock.instant()), facts.request().value()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.MATCH, matchId, facts.region()));
        return new MatchFacts(facts.id(), facts.request(), facts.reference(), facts.buddy(), facts.region(), MatchStatus.ENDING,
                facts.acceptedAt());
    }

    /**
     * The closure gives the buddy her place back: the match is closed and waiting requests of the
     * regions she serves get another look. Idempotent; only an ending match is closed.
     */
    public void close(UUID matchId) {
        MatchFacts facts = lockedFacts(matchId);
        if (facts.status() != MatchStatus.ENDING) {
            return;
        }
        db.sql("UPDATE buddy_match SET status = 'CLOSED', closed_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), matchId)
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.MATCH, matchId, facts.region()));
        db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(facts.buddy().value()).query(String.class)
                .optional().ifPresent(region -> events.publishEvent(new CapacityAvailable(records.served(java.util.Set.of(new RegionCode(region))))));
    }

    /**
     * How the match ended, once it did (IDs, reason and note; no personal data of the requester): for
     * a coordinator of its region or its own buddy.
     */
    @Transactional(readOnly = true)
    public Optional<MatchClosure> closure(UUID matchId) {
        Actor actor = currentActor.require();
        MatchFacts facts = records.facts(matchId, false).orElseThrow(() -> new NotFoundException("error.match.not-found"));
        if (!actor.hasRoleIn(Role.COORDINATOR, facts.region()) && !isOwnBuddy(actor, facts)) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
        return db.sql("SELECT closure_reason, closure_note, ended_at FROM buddy_match WHERE id = ? AND closure_reason IS NOT NULL")
                .param(matchId)
                .query((rs, n) -> new MatchClosure(matchId, ClosureReason.valueOf(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private boolean isOwnBuddy(Actor actor, MatchFacts facts) {
        return actor.hasRole(Role.BUDDY) && training.accountOf(facts.buddy()).map(actor.userId()::equals).orElse(false);
    }

    private MatchFacts lockedFacts(UUID matchId) {
        return records.facts(matchId, true).orElseThrow(() -> new NotFoundException("error.match.not-found"));
    }
}
