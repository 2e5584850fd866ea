package nl.steunpunt.buddy.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.matching.MatchFacts;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.AuditEvent;
import nl.steunpunt.buddy.shared.AuditTrail;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.training.Training;

/**
 * The contact log of a match. Only the match's buddy writes it, while the match is starting or
 * active, and she may correct her own line within {@link #CORRECTION_PERIOD}; after that a line is
 * immutable. She and the coordinators of the match's region read it, and every reading is logged.
 */
@Service
@Transactional
public class ContactLog {

    public static final Duration CORRECTION_PERIOD = Duration.ofDays(7);
    public static final int MAX_MINUTES = 600;
    public static final int MAX_TOPICS = 2000;

    private final JdbcClient db;
    private final Matchmaking matchmaking;
    private final Training training;
    private final Signals signals;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    ContactLog(JdbcClient db, Matchmaking matchmaking, Training training, Signals signals, CurrentActor currentActor,
            ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.db = db;
        this.matchmaking = matchmaking;
        this.training = training;
        this.signals = signals;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** The buddy records a contact on one of her starting or active matches; returns the line's ID. */
    public long record(UUID matchId, NewContact contact) {
        Actor actor = currentActor.require();
        MatchFacts match = ownOpenMatch(actor, matchId);
        Valid valid = validate(match, contact, Set.of());
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("INSERT INTO contact_log (match_id, buddy_id, region_code, contact_on, kind, minutes, topics, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(match.id(), match.buddy().value(), match.region().value(), valid.on(), valid.kind().name(), valid.minutes(),
                        valid.topics(), actor.userId(), Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        insertThemes(id, valid.themes());
        audit.record(AuditEvent.created(AuditEvent.SubjectType.CONTACT_LOG, match.id(), match.region()));
        events.publishEvent(new ContactRecorded(id, match.id(), match.region()));
        return id;
    }

    /**
     * The buddy corrects her own line within {@link #CORRECTION_PERIOD} of recording it. Themes that
     * were deactivated since may stay on the line; new ones must be active.
     */
    public void correct(long lineId, NewContact contact) {
        correctLine(lineId, null, contact);
    }

    /**
     * As {@link #correct(long, NewContact)}, but only over the line as the buddy was shown it
     * ({@link ContactEntry#version()}): when it was corrected meanwhile (on another device), nothing is
     * saved and she is asked to look again, so neither correction is silently lost.
     */
    public void correct(long lineId, long version, NewContact contact) {
        correctLine(lineId, version, contact);
    }

    private void correctLine(long lineId, Long version, NewContact contact) {
        Actor actor = currentActor.require();
        Line line = db.sql("SELECT match_id, recorded_by, recorded_at, version FROM contact_log WHERE id = ? FOR UPDATE").param(lineId)
                .query((rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .optional().orElseThrow(() -> new NotFoundException("error.contact.not-found"));
        MatchFacts match = ownOpenMatch(actor, line.match());
        if (!line.recordedBy().equals(actor.userId())) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
        if (!correctable(line.recordedAt())) {
            throw new InvalidInputException("error.contact.correction-period", CORRECTION_PERIOD.toDays());
        }
        Set<String> kept = new TreeSet<>(db.sql("SELECT theme_code FROM contact_log_theme WHERE log_id = ?").param(lineId)
                .query(String.class).list());
        Valid valid = validate(match, contact, kept);
        if (version != null && version != line.version()) {
            throw new InvalidInputException("error.edit.conflict");
        }
        db.sql("UPDATE contact_log SET contact_on = ?, kind = ?, minutes = ?, topics = ?, corrected_at = ?, version = version + 1 WHERE id = ?")
                .params(valid.on(), valid.kind().name(), valid.minutes(), valid.topics(), Timestamp.from(clock.instant()), lineId)
                .update();
        Map<String, String> recordedNames = new HashMap<>();
        db.sql("SELECT theme_code, theme_name FROM contact_log_theme WHERE log_id = ?").param(lineId)
                .query((rs, n) -> recordedNames.put(rs.getString(1), rs.getString(2))).list();
        db.sql("DELETE FROM contact_log_theme WHERE log_id = ?").param(lineId).update();
        Map<String, String> themes = new HashMap<>(valid.themes());
        recordedNames.forEach((code, name) -> themes.computeIfPresent(code, (c, current) -> name));
        insertThemes(lineId, themes);
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.CONTACT_LOG, match.id(), match.region()));
        events.publishEvent(new ContactRecorded(lineId, match.id(), match.region()));
    }

    /**
     * The log of a match, newest contact first, for its buddy or a coordinator of its region. The
     * reading is logged (who, when), also when it is the buddy herself.
     */
    public MatchLog logOf(UUID matchId) {
        Actor actor = currentActor.require();
        MatchFacts match = matchmaking.matchFacts(matchId).orElseThrow(() -> new NotFoundException("error.contact.match.not-found"));
        boolean ownMatch = isBuddyOf(actor, match);
        if (!ownMatch && !actor.hasRoleIn(Role.COORDINATOR, match.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        db.sql("INSERT INTO contact_log_view (match_id, viewed_by, viewed_at) VALUES (?, ?, ?)")
                .params(match.id(), actor.userId(), Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.CONTACT_LOG, match.id(), match.region()));
        Map<Long, List<RecordedTheme>> themes = new HashMap<>();
        db.sql("SELECT t.log_id, t.theme_code, t.theme_name FROM contact_log_theme t JOIN contact_log l ON l.id = t.log_id "
                + "WHERE l.match_id = ? ORDER BY t.theme_name").param(matchId)
                .query((rs, n) -> themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new RecordedTheme(rs.getString(2), rs.getString(3))))
                .list();
        boolean writable = ownMatch && match.isOpen();
        List<ContactEntry> entries = db.sql("SELECT id, contact_on, kind, minutes, topics, recorded_at, corrected_at, version FROM contact_log "
                + "WHERE match_id = ? ORDER BY contact_on DESC, id DESC").param(matchId)
                .query((rs, n) -> {
                    Instant recordedAt = rs.getTimestamp(6).toInstant();
                    return new ContactEntry(rs.getLong(1), rs.getObject(2, LocalDate.class), ContactKind.valueOf(rs.getString(3)),
                            rs.getInt(4), Optional.ofNullable(rs.getString(5)), List.copyOf(themes.getOrDefault(rs.getLong(1), List.of())),
                            recordedAt, Optional.ofNullable(rs.getTimestamp(7)).map(Timestamp::toInstant),
                            writable && correctable(recordedAt), rs.getLong(8));
                })
                .list();
        return new MatchLog(match.id(), match.reference(), match.status(), writable, earliest(match), entries);
    }

    /** Who read this match's log, oldest reading first: for the coordinators of its region. */
    @Transactional(readOnly = true)
    public List<String> readersOf(UUID matchId) {
        Actor actor = currentActor.require();
        MatchFacts match = matchmaking.matchFacts(matchId).orElseThrow(() -> new NotFoundException("error.contact.match.not-found"));
        if (!actor.hasRoleIn(Role.COORDINATOR, match.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return db.sql("SELECT viewed_by FROM contact_log_view WHERE match_id = ? ORDER BY viewed_at, id").param(matchId)
                .query(String.class).list();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record Line(UUID match, String recordedBy, Instant recordedAt, long version) {
    }

    private record Valid(LocalDate on, ContactKind kind, int minutes, String topics, Map<String, String> themes) {
    }

    private MatchFacts ownOpenMatch(Actor actor, UUID matchId) {
        MatchFacts match = matchmaking.matchFacts(matchId).orElseThrow(() -> new NotFoundException("error.contact.match.not-found"));
        if (!isBuddyOf(actor, match)) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
        if (!match.isOpen()) {
            throw new InvalidInputException("error.contact.match.closed");
        }
        return match;
    }

    private boolean isBuddyOf(Actor actor, MatchFacts match) {
        return actor.hasRole(Role.BUDDY) && training.buddyOfAccount(actor.userId()).map(match.buddy()::equals).orElse(false);
    }

    private LocalDate earliest(MatchFacts match) {
        return LocalDate.ofInstant(match.acceptedAt(), clock.getZone());
    }

    private boolean correctable(Instant recordedAt) {
        return !clock.instant().isAfter(recordedAt.plus(CORRECTION_PERIOD));
    }

    /** Checks the whole contact before anything is stored; {@code kept} themes may be inactive. */
    private Valid validate(MatchFacts match, NewContact contact, Set<String> kept) {
        if (contact == null || contact.on() == null) {
            throw new InvalidInputException("error.contact.date.required");
        }
        if (contact.on().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("error.contact.date.future");
        }
        if (contact.on().isBefore(earliest(match))) {
            throw new InvalidInputException("error.contact.date.before-match", earliest(match).toString());
        }
        if (contact.kind() == null) {
            throw new InvalidInputException("error.contact.kind.required");
        }
        if (contact.minutes() == null || contact.minutes() < 1 || contact.minutes() > MAX_MINUTES) {
            throw new InvalidInputException("error.contact.minutes", 1, MAX_MINUTES);
        }
        String topics = contact.topics() == null ? "" : contact.topics().strip();
        if (topics.length() > MAX_TOPICS) {
            throw new InvalidInputException("error.text.too-long", MAX_TOPICS);
        }
        Map<String, String> known = new HashMap<>();
        signals.allThemes().stream().filter(t -> t.active() || kept.contains(t.code())).forEach(t -> known.put(t.code(), t.name()));
        Map<String, String> themes = new HashMap<>();
        for (String code : contact.themes() == null ? Set.<String>of() : contact.themes()) {
            String name = code == null ? null : known.get(code);
            if (name == null) {
                throw new InvalidInputException("error.contact.theme.unknown", String.valueOf(code));
            }
            themes.put(code, name);
        }
        return new Valid(contact.on(), contact.kind(), contact.minutes(), topics.isEmpty() ? null : topics, themes);
    }

    private void insertThemes(long lineId, Map<String, String> themes) {
        themes.forEach((code, name) -> db.sql("INSERT INTO contact_log_theme (log_id, theme_code, theme_name) VALUES (?, ?, ?)")
                .params(lineId, code, name).update());
    }
}
