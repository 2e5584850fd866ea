package nl.steunpunt.buddy.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
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
 * A buddy leaves the programme. Her coordinator announces it (with a reason): from then on she is
 * not proposed any more. Each of her active matches is handed over to another buddy — a ranked
 * candidate for that request, so every matching rule and her capacity hold — or ended; the exit
 * conversation is recorded; then her pool record is archived. A buddy who still has a proposal
 * waiting for her answer, or a match in its start phase, cannot be announced as leaving until
 * that is settled: those belong to the matching process, which would otherwise wait on her.
 */
@Service
@Transactional
public class BuddyDepartures {

    private final JdbcClient db;
    private final Matchmaking matchmaking;
    private final MatchRecords records;
    private final Applications applications;
    private final Training training;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    BuddyDepartures(JdbcClient db, Matchmaking matchmaking, MatchRecords records, Applications applications, Training training, CurrentActor currentActor,
            ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.matchmaking = matchmaking;
        this.records = records;
        this.applications = applications;
        this.training = training;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** What the workflow needs to start the offboarding: IDs only. */
    public record Leaving(ApplicationId buddy, String reference, RegionCode region, List<UUID> activeMatchIds) {
    }

    /** The coordinator of the buddy's region announces that she stops. */
    public Leaving announce(ApplicationId buddy, DepartureReason reason) {
        Actor actor = currentActor.require();
        RegionCode region = lockedRegion(buddy);
        requireCoordinator(actor, region);
        if (reason == null) {
            throw new InvalidInputException("error.departure.reason.required");
        }
        if (db.sql("SELECT count(*) FROM buddy_departure WHERE buddy_id = ?").param(buddy.value()).query(Integer.class).single() > 0) {
            throw new InvalidInputException("error.departure.already");
        }
        int unsettled = db.sql("SELECT (SELECT count(*) FROM match_proposal WHERE buddy_id = :b AND status = 'PENDING') "
                + "+ (SELECT count(*) FROM buddy_match WHERE buddy_id = :b AND status = 'STARTING')")
                .param("b", buddy.value()).query(Integer.class).single();
        if (unsettled > 0) {
            throw new InvalidInputException("error.departure.unsettled");
        }
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("UPDATE matching_buddy SET leaving_since = ?, version = version + 1 WHERE application_id = ?").params(now, buddy.value())
                .update();
        db.sql("INSERT INTO buddy_departure (buddy_id, reason, announced_by, announced_at) VALUES (?, ?, ?, ?)")
                .params(buddy.value(), reason.name(), actor.userId(), now).update();
        String reference = db.sql("SELECT reference FROM matching_buddy WHERE application_id = ?").param(buddy.value())
                .query(String.class).single();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, buddy.value(), region));
        return new Leaving(buddy, reference, region, activeMatches(buddy));
    }

    /** The departure of a buddy of the coordinator's regions, if she is leaving or left; the look is audited. */
    public Optional<BuddyDeparture> departure(ApplicationId buddy) {
        Actor actor = currentActor.require();
        requireCoordinator(actor, regionOf(buddy));
        Optional<BuddyDeparture> departure = db.sql("SELECT b.reference, b.region_code, d.reason, d.announced_at, d.exit_held_on, "
                + "d.exit_note, d.may_contact, b.archived_at FROM buddy_departure d JOIN matching_buddy b ON b.application_id = d.buddy_id "
                + "WHERE d.buddy_id = ?").param(buddy.value())
                .query((rs, n) -> new BuddyDeparture(buddy, rs.getString(1), "", new RegionCode(rs.getString(2)),
                        DepartureReason.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        Optional.ofNullable(rs.getObject(5, LocalDate.class)), Optional.ofNullable(rs.getString(6)),
                        Optional.ofNullable((Boolean) rs.getObject(7)), Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant),
                        List.of()))
                .optional();
        departure.ifPresent(d -> {
            requireCoordinator(actor, d.region());
            audit.record(AuditEvent.viewed(AuditEvent.SubjectType.BUDDY, buddy.value(), d.region()));
        });
        return departure.map(d -> new BuddyDeparture(d.buddy(), d.reference(),
                applications.displayNames(List.of(buddy)).getOrDefault(buddy, d.reference()), d.region(), d.reason(), d.announcedAt(),
                d.exitHeldOn(), d.exitNote(), d.mayContact(), d.archivedAt(), activeMatches(buddy)));
    }

    /** The coordinator records the exit conversation (not in the future, not before the announcement). */
    public void recordExitConversation(ApplicationId buddy, LocalDate heldOn, String note, boolean mayContact) {
        Actor actor = currentActor.require();
        BuddyDeparture departure = departure(buddy).orElseThrow(() -> new InvalidInputException("error.departure.not-found"));
        requireCoordinator(actor, departure.region());
        LocalDate announced = LocalDate.ofInstant(departure.announcedAt(), clock.getZone());
        if (heldOn == null || heldOn.isAfter(LocalDate.now(clock)) || heldOn.isBefore(announced)) {
            throw new InvalidInputException("error.departure.exit-date");
        }
        db.sql("UPDATE buddy_departure SET exit_held_on = ?, exit_note = ?, may_contact = ?, exit_recorded_by = ? WHERE buddy_id = ?")
                .params(heldOn, HelpRequests.text(note, null, false), mayContact, actor.userId(), buddy.value()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, buddy.value(), departure.region()));
    }

    /** A leaving buddy's active match, for the coordinator of its region handing it over. */
    @Transactional(readOnly = true)
    public MatchFacts handOverMatch(UUID matchId) {
        return leavingBuddysMatch(matchId, false);
    }

    /** Who could take over this match of a leaving buddy: the request's ranking (she herself is no longer in it). */
    @Transactional(readOnly = true)
    public CandidateList handOverCandidates(UUID matchId) {
        MatchFacts match = leavingBuddysMatch(matchId, false);
        return matchmaking.candidates(match.request());
    }

    /**
     * The match goes to another buddy, who must be a candidate of the request's ranking now (certified,
     * VOG, region, capacity, no conflict); her row is locked, so her capacity holds against concurrent
     * proposals. Announces {@link MatchHandedOver}; returns the new buddy's user account.
     */
    public String handOver(UUID matchId, ApplicationId newBuddy) {
        Actor actor = currentActor.require();
        MatchFacts match = leavingBuddysMatch(matchId, true);
        if (newBuddy == null) {
            throw new InvalidInputException("error.match.buddy.required");
        }
        if (db.sql("SELECT application_id FROM matching_buddy WHERE application_id = ? FOR UPDATE").param(newBuddy.value())
                .query(UUID.class).optional().isEmpty()) {
            throw new NotFoundException("error.buddy.not-found");
        }
        CandidateList ranking = matchmaking.rank(match.request());
        if (ranking.candidates().stream().noneMatch(c -> c.buddy().equals(newBuddy))) {
            throw new InvalidInputException("error.match.not-a-candidate." + ranking.excluded().stream()
                    .filter(e -> e.buddy().equals(newBuddy)).map(e -> e.rule().name()).findFirst().orElse("NOT_IN_POOL"));
        }
        String account = training.accountOf(newBuddy).orElseThrow(() -> new InvalidInputException("error.match.buddy-no-account"));
        db.sql("UPDATE buddy_match SET buddy_id = ? WHERE id = ?").params(newBuddy.value(), matchId).update();
        db.sql("INSERT INTO match_hand_over (id, match_id, from_buddy_id, to_buddy_id, outcome, handed_by, handed_at) "
                + "VALUES (?, ?, ?, ?, 'HANDED_OVER', ?, ?)")
                .params(UUID.randomUUID(), matchId, match.buddy().value(), newBuddy.value(), actor.userId(), Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.MATCH, matchId, match.region()));
        events.publishEvent(new MatchHandedOver(matchId, match.request(), match.buddy(), newBuddy, account, match.region()));
        return account;
    }

    /** The match of a leaving buddy was ended instead of handed over (the closure takes it from there). */
    public void recordEnded(UUID matchId) {
        Actor actor = currentActor.require();
        MatchFacts match = matchmaking.matchFacts(matchId).orElseThrow(() -> new NotFoundException("error.match.not-found"));
        requireCoordinator(actor, match.region());
        db.sql("INSERT INTO match_hand_over (id, match_id, from_buddy_id, outcome, handed_by, handed_at) VALUES (?, ?, ?, 'ENDED', ?, ?)")
                .params(UUID.randomUUID(), matchId, match.buddy().value(), actor.userId(), Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.MATCH, matchId, match.region()));
    }

    /** The offboarding is done: the buddy's pool record is archived (idempotent). */
    public void archive(ApplicationId buddy) {
        int archived = db.sql("UPDATE matching_buddy SET archived_at = ?, version = version + 1 WHERE application_id = ? AND leaving_since IS NOT NULL "
                + "AND archived_at IS NULL").params(Timestamp.from(clock.instant()), buddy.value()).update();
        if (archived == 1) {
            db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(buddy.value()).query(String.class).optional()
                    .map(RegionCode::new).ifPresent(region -> {
                        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, buddy.value(), region));
                        events.publishEvent(new PoolCapacityChanged(region));
                    });
        }
    }

    private MatchFacts leavingBuddysMatch(UUID matchId, boolean lock) {
        Actor actor = currentActor.require();
        MatchFacts match = records.facts(matchId, lock).orElseThrow(() -> new NotFoundException("error.match.not-found"));
        requireCoordinator(actor, match.region());
        if (match.status() != MatchStatus.ACTIVE) {
            throw new InvalidInputException("error.match.not-active");
        }
        boolean leaving = db.sql("SELECT leaving_since IS NOT NULL FROM matching_buddy WHERE application_id = ?")
                .param(match.buddy().value()).query(Boolean.class).single();
        if (!leaving) {
            throw new InvalidInputException("error.departure.already-handed-over");
        }
        return match;
    }

    private List<UUID> activeMatches(ApplicationId buddy) {
        return db.sql("SELECT id FROM buddy_match WHERE buddy_id = ? AND status = 'ACTIVE' ORDER BY accepted_at").param(buddy.value())
                .query(UUID.class).list();
    }

    private RegionCode regionOf(ApplicationId buddy) {
        if (buddy == null) {
            throw new NotFoundException("error.buddy.not-found");
        }
        return db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ?").param(buddy.value())
                .query(String.class).optional().map(RegionCode::new).orElseThrow(() -> new NotFoundException("error.buddy.not-found"));
    }

    private RegionCode lockedRegion(ApplicationId buddy) {
        if (buddy == null) {
            throw new NotFoundException("error.buddy.not-found");
        }
        return db.sql("SELECT region_code FROM matching_buddy WHERE application_id = ? FOR UPDATE").param(buddy.value())
                .query(String.class).optional().map(RegionCode::new).orElseThrow(() -> new NotFoundException("error.buddy.not-found"));
    }

    private static void requireCoordinator(Actor actor, RegionCode region) {
        if (!actor.hasRoleIn(Role.COORDINATOR, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }
}
