package nl.steunpunt.buddy.intervisie;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.intervisie.internal.SessionChanged;
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
import nl.steunpunt.buddy.support.SignalTheme;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.training.Training;

/**
 * Intervisie and exchange meetings of a region. The region's facilitators start groups of certified
 * buddies, plan, move and cancel sessions (the members get a mail each time), record attendance and
 * the anonymised themes, and close groups; the region's coordinators read along and record their
 * check-ins with buddies who missed two intervisie sessions in a row; a buddy sees her own upcoming
 * sessions. Every method checks the acting user; the few without one are for the workflow's
 * background steps and reveal IDs and times only.
 *
 * <p>The missed-twice rule: a member who was {@link Attendance#ABSENT absent} (not excused) at a held
 * session and at the group's previous held session. Cancelled sessions do not count; a member who
 * was not yet in the group at the previous session has not missed it.
 */
@Service
@Transactional
public class Intervisie {

    static final int MAX_NAME = 200;
    static final int MAX_LOCATION = 200;
    static final int MAX_NOTE = 2000;
    static final Duration MAX_SESSION = Duration.ofHours(8);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final JdbcClient db;
    private final CurrentActor currentActor;
    private final Applications applications;
    private final Training training;
    private final Signals signals;
    private final IntervisieRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Intervisie(JdbcClient db, CurrentActor currentActor, Applications applications, Training training, Signals signals,
            IntervisieRules rules, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.db = db;
        this.currentActor = currentActor;
        this.applications = applications;
        this.training = training;
        this.signals = signals;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- groups ---------------------------------------------------------------------------------

    /** The regions whose groups the acting user may see: where she is facilitator or coordinator. */
    @Transactional(readOnly = true)
    public List<RegionCode> regions() {
        Actor actor = currentActor.require();
        return actor.regions().stream().filter(r -> mayRead(actor, r)).sorted().toList();
    }

    /** Whether the acting user plans and records in this region (a facilitator there). */
    @Transactional(readOnly = true)
    public boolean mayPlan(RegionCode region) {
        return currentActor.require().hasRoleIn(Role.FACILITATOR, region);
    }

    /** The rules as they apply in a region, for its facilitators and coordinators. */
    public IntervisieRules.Applied rules(RegionCode region) {
        requireReader(region);
        return rules.in(region.value());
    }

    /** The certified buddies of the region's matching pool, who may join a group, by name. */
    @Transactional(readOnly = true)
    public List<GroupMember> candidates(RegionCode region) {
        requireReader(region);
        List<ApplicationId> ids = db.sql("SELECT application_id FROM matching_buddy WHERE region_code = ?").param(region.value())
                .query(UUID.class).list().stream().map(ApplicationId::new).filter(training::isQualified).toList();
        return named(ids);
    }

    /**
     * A facilitator of the region starts a group. An intervisie group has at least
     * {@code minMembers} and at most {@code maxMembers} buddies (8–12 is the norm), all certified
     * buddies of the region; its cycle of sessions starts with it.
     */
    public UUID createGroup(NewGroup group) {
        if (group == null || group.region() == null) {
            throw new InvalidInputException("error.intervisie.region");
        }
        Actor actor = requireFacilitator(group.region());
        String name = group.name() == null ? "" : group.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("error.intervisie.name");
        }
        if (group.kind() == null) {
            throw new InvalidInputException("error.intervisie.kind");
        }
        IntervisieRules.Applied applied = rules.in(group.region().value());
        int size = group.members().size();
        if (size < applied.min(group.kind()) || size > applied.max(group.kind())) {
            throw new InvalidInputException("error.intervisie.size", applied.min(group.kind()), applied.max(group.kind()));
        }
        Set<ApplicationId> allowed = candidates(group.region()).stream().map(GroupMember::buddy).collect(Collectors.toSet());
        if (!allowed.containsAll(group.members())) {
            throw new InvalidInputException("error.intervisie.member");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        long number = db.sql("SELECT nextval('intervisie_group_reference_seq')").query(Long.class).single();
        String reference = String.format("IV-%d-%04d", LocalDate.now(clock).getYear(), number);
        db.sql("INSERT INTO intervisie_group (id, reference, region_code, name, kind, status, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)")
                .params(id, reference, group.region().value(), name, group.kind().name(), actor.userId(), Timestamp.from(now)).update();
        for (ApplicationId member : group.members()) {
            db.sql("INSERT INTO intervisie_member (group_id, buddy_id, joined_at) VALUES (?, ?, ?)")
                    .params(id, member.value(), Timestamp.from(now)).update();
        }
        audit.record(AuditEvent.created(AuditEvent.SubjectType.INTERVISIE_GROUP, id, group.region()));
        events.publishEvent(new IntervisieGroupCreated(id, reference, group.region(), group.kind()));
        return id;
    }

    /** The groups of a region, active ones first, for its facilitators and coordinators. */
    @Transactional(readOnly = true)
    public List<IntervisieGroup> groups(RegionCode region) {
        requireReader(region);
        List<UUID> ids = db.sql("SELECT id FROM intervisie_group WHERE region_code = ? ORDER BY status, name, reference")
                .param(region.value()).query(UUID.class).list();
        return ids.stream().map(this::load).toList();
    }

    /** One group with its members; the look is logged (who, when). */
    public IntervisieGroup group(UUID groupId) {
        IntervisieGroup group = load(groupId);
        Actor actor = requireReader(group.region());
        db.sql("INSERT INTO intervisie_view (group_id, viewed_by, viewed_at) VALUES (?, ?, ?)")
                .params(groupId, actor.userId(), Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.INTERVISIE_GROUP, groupId, group.region()));
        return group;
    }

    /** The sessions of a group, newest first, with attendance and themes of those held. */
    @Transactional(readOnly = true)
    public List<IntervisieSession> sessions(UUID groupId) {
        requireReader(load(groupId).region());
        return db.sql("SELECT id FROM intervisie_session WHERE group_id = ? ORDER BY starts_at DESC").param(groupId)
                .query(UUID.class).list().stream().map(this::loadSession).toList();
    }

    /** One session, for the group's facilitators and coordinators. */
    @Transactional(readOnly = true)
    public IntervisieSession session(UUID sessionId) {
        IntervisieSession session = loadSession(sessionId);
        requireReader(load(session.groupId()).region());
        return session;
    }

    /** Holds the group's row until the caller's transaction ends (its process starts once). */
    public void lock(UUID groupId) {
        db.sql("SELECT id FROM intervisie_group WHERE id = ? FOR UPDATE").param(groupId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("error.intervisie.not-found"));
    }

    /**
     * A facilitator closes the group: nothing more is planned. A planned session that has not ended
     * is cancelled (the members hear of it); one that has ended must be recorded first.
     */
    public void close(UUID groupId) {
        Actor actor = requireFacilitator(load(groupId).region());
        lock(groupId);
        IntervisieGroup group = load(groupId);
        if (group.status() == GroupStatus.CLOSED) {
            throw new InvalidInputException("error.intervisie.closed");
        }
        Optional<IntervisieSession> planned = planned(groupId);
        if (planned.isPresent()) {
            if (!planned.get().endsAt().isAfter(clock.instant())) {
                throw new InvalidInputException("error.intervisie.record-first");
            }
            cancelSession(planned.get(), actor);
        }
        db.sql("UPDATE intervisie_group SET status = 'CLOSED', closed_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), groupId).update();
    }

    // ---- sessions -------------------------------------------------------------------------------

    /**
     * A facilitator plans the group's next session under the given ID. It starts in the future, ends
     * the same day within 8 hours, and has a place. For intervisie it falls 6 to 8 weeks (the region's
     * setting) after the last held session, unless it is the group's first or that window has already
     * passed (the group starts again). One session is planned at a time. The members are invited.
     */
    public void plan(UUID sessionId, UUID groupId, SessionPlan plan) {
        Actor actor = requireFacilitator(load(groupId).region());
        lock(groupId);
        IntervisieGroup group = load(groupId);
        if (group.status() == GroupStatus.CLOSED) {
            throw new InvalidInputException("error.intervisie.closed");
        }
        if (planned(groupId).isPresent()) {
            throw new InvalidInputException("error.intervisie.already-planned");
        }
        if (sessionId == null || db.sql("SELECT count(*) FROM intervisie_session WHERE id = ?").param(sessionId).query(Long.class).single() > 0) {
            throw new InvalidInputException("error.intervisie.already-planned");
        }
        Times times = validate(group, plan, Optional.empty());
        Instant now = clock.instant();
        db.sql("INSERT INTO intervisie_session (id, group_id, starts_at, ends_at, location, status, planned_by, planned_at) "
                + "VALUES (?, ?, ?, ?, ?, 'PLANNED', ?, ?)")
                .params(sessionId, groupId, Timestamp.from(times.start()), Timestamp.from(times.end()), times.location(), actor.userId(),
                        Timestamp.from(now))
                .update();
        events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.PLANNED));
    }

    /** A facilitator moves a planned session that has not ended; the same rules apply, the members hear of it. */
    public IntervisieSession reschedule(UUID sessionId, SessionPlan plan) {
        IntervisieSession session = loadSession(sessionId);
        IntervisieGroup group = load(session.groupId());
        requireFacilitator(group.region());
        requireAwaited(session);
        Times times = validate(group, plan, Optional.of(sessionId));
        db.sql("UPDATE intervisie_session SET starts_at = ?, ends_at = ?, location = ? WHERE id = ?")
                .params(Timestamp.from(times.start()), Timestamp.from(times.end()), times.location(), sessionId).update();
        events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.MOVED));
        return loadSession(sessionId);
    }

    /** A facilitator cancels a planned session that has not ended; the members hear of it. */
    public IntervisieSession cancel(UUID sessionId) {
        IntervisieSession session = loadSession(sessionId);
        Actor actor = requireFacilitator(load(session.groupId()).region());
        requireAwaited(session);
        cancelSession(session, actor);
        return loadSession(sessionId);
    }

    /**
     * A facilitator records a session that has ended: the attendance of every member and the themes
     * talked about, as signal theme codes (no names, no notes about people). The session is then held.
     */
    public void record(UUID sessionId, Map<ApplicationId, Attendance> attendance, Set<String> themeCodes) {
        IntervisieSession session = loadSession(sessionId);
        IntervisieGroup group = load(session.groupId());
        Actor actor = requireFacilitator(group.region());
        if (session.status() != SessionStatus.PLANNED) {
            throw new InvalidInputException("error.intervisie.not-planned");
        }
        if (session.endsAt().isAfter(clock.instant())) {
            throw new InvalidInputException("error.intervisie.not-over");
        }
        Set<ApplicationId> members = group.members().stream().map(GroupMember::buddy).collect(Collectors.toSet());
        if (attendance == null || !attendance.keySet().equals(members) || attendance.values().stream().anyMatch(a -> a == null)) {
            throw new InvalidInputException("error.intervisie.attendance");
        }
        Set<String> themes = themeCodes == null ? Set.of() : themeCodes;
        Set<String> known = signals.themes().stream().map(SignalTheme::code).collect(Collectors.toSet());
        if (!known.containsAll(themes)) {
            throw new InvalidInputException("error.intervisie.theme");
        }
        attendance.forEach((buddy, a) -> db.sql("INSERT INTO intervisie_attendance (session_id, buddy_id, attendance) VALUES (?, ?, ?)")
                .params(sessionId, buddy.value(), a.name()).update());
        themes.forEach(code -> db.sql("INSERT INTO intervisie_theme (session_id, theme_code) VALUES (?, ?)").params(sessionId, code).update());
        db.sql("UPDATE intervisie_session SET status = 'HELD', recorded_by = ?, recorded_at = ? WHERE id = ?")
                .params(actor.userId(), Timestamp.from(clock.instant()), sessionId).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.INTERVISIE_GROUP, group.id(), group.region()));
        events.publishEvent(new SessionRecorded(sessionId, group.region()));
    }

    // ---- the missed-twice rule and check-ins ------------------------------------------------------

    /**
     * How many members of the session's group were absent (not excused) at this held session and at
     * the group's previous held one. For the workflow's background step; the same answer every time.
     */
    @Transactional(readOnly = true)
    public int missedTwiceCount(UUID sessionId) {
        return missedTwiceIds(sessionId).size();
    }

    /** The buddies who missed this session and the one before, by name, for the region's coordinators. */
    @Transactional(readOnly = true)
    public List<GroupMember> missedTwice(UUID sessionId) {
        IntervisieSession session = loadSession(sessionId);
        requireCoordinator(load(session.groupId()).region());
        return named(missedTwiceIds(sessionId));
    }

    /** What the coordinators agreed at earlier check-ins for this session, per buddy. */
    @Transactional(readOnly = true)
    public Map<ApplicationId, String> checkIns(UUID sessionId) {
        IntervisieSession session = loadSession(sessionId);
        requireCoordinator(load(session.groupId()).region());
        Map<ApplicationId, String> notes = new LinkedHashMap<>();
        db.sql("SELECT buddy_id, note FROM intervisie_check_in WHERE session_id = ? ORDER BY id").param(sessionId)
                .query((rs, n) -> Map.entry(new ApplicationId(rs.getObject(1, UUID.class)), rs.getString(2))).list()
                .forEach(e -> notes.put(e.getKey(), e.getValue()));
        return notes;
    }

    /** A coordinator of the region records, for each buddy who missed twice, what was agreed at the check-in. */
    public void recordCheckIns(UUID sessionId, Map<ApplicationId, String> notes) {
        IntervisieSession session = loadSession(sessionId);
        Actor actor = requireCoordinator(load(session.groupId()).region());
        List<ApplicationId> missed = missedTwiceIds(sessionId);
        if (notes == null || !notes.keySet().equals(Set.copyOf(missed))) {
            throw new InvalidInputException("error.intervisie.check-in.note");
        }
        for (ApplicationId buddy : missed) {
            String note = notes.get(buddy) == null ? "" : notes.get(buddy).strip();
            if (note.isEmpty()) {
                throw new InvalidInputException("error.intervisie.check-in.note");
            }
            if (note.length() > MAX_NOTE) {
                throw new InvalidInputException("error.text.too-long", MAX_NOTE);
            }
        }
        Instant now = clock.instant();
        for (ApplicationId buddy : missed) {
            db.sql("INSERT INTO intervisie_check_in (session_id, buddy_id, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (session_id, buddy_id) DO UPDATE SET note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, "
                    + "recorded_at = EXCLUDED.recorded_at")
                    .params(sessionId, buddy.value(), notes.get(buddy).strip(), actor.userId(), Timestamp.from(now)).update();
        }
    }

    // ---- for the workflow and the buddy ------------------------------------------------------------

    /** When the session ends: the moment the workflow asks for its record. No acting user needed. */
    @Transactional(readOnly = true)
    public Instant sessionEndsAt(UUID sessionId) {
        return db.sql("SELECT ends_at FROM intervisie_session WHERE id = ?").param(sessionId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElseThrow(() -> new NotFoundException("error.intervisie.not-found"));
    }

    /** The reference of a group (the business key of its cycle). No acting user needed. */
    @Transactional(readOnly = true)
    public String referenceOf(UUID groupId) {
        return db.sql("SELECT reference FROM intervisie_group WHERE id = ?").param(groupId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("error.intervisie.not-found"));
    }

    /** The acting buddy's upcoming sessions (planned, not ended) of her active groups, soonest first. */
    @Transactional(readOnly = true)
    public List<UpcomingSession> mySessions() {
        Actor actor = currentActor.require();
        if (!actor.hasRole(Role.BUDDY)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        Optional<ApplicationId> me = training.buddyOfAccount(actor.userId());
        if (me.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT s.id, g.name, g.kind, s.starts_at, s.ends_at, s.location FROM intervisie_session s "
                + "JOIN intervisie_group g ON g.id = s.group_id JOIN intervisie_member m ON m.group_id = g.id "
                + "WHERE m.buddy_id = ? AND g.status = 'ACTIVE' AND s.status = 'PLANNED' AND s.ends_at > ? ORDER BY s.starts_at")
                .params(me.get().value(), Timestamp.from(clock.instant()))
                .query((rs, n) -> new UpcomingSession(rs.getObject(1, UUID.class), rs.getString(2), SessionKind.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    // ---- inside ---------------------------------------------------------------------------------

    private record Times(Instant start, Instant end, String location) {
    }

    private Times validate(IntervisieGroup group, SessionPlan plan, Optional<UUID> moving) {
        if (plan == null || plan.start() == null || plan.end() == null) {
            throw new InvalidInputException("error.intervisie.time");
        }
        String location = plan.location() == null ? "" : plan.location().strip();
        if (location.isEmpty() || location.length() > MAX_LOCATION) {
            throw new InvalidInputException("error.intervisie.location");
        }
        Instant start = plan.start().atZone(clock.getZone()).toInstant();
        Instant end = plan.end().atZone(clock.getZone()).toInstant();
        if (!end.isAfter(start) || !plan.end().toLocalDate().equals(plan.start().toLocalDate())
                || Duration.between(start, end).compareTo(MAX_SESSION) > 0) {
            throw new InvalidInputException("error.intervisie.time");
        }
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("error.intervisie.past");
        }
        if (group.kind() == SessionKind.INTERVISIE) {
            lastHeld(group.id(), moving).ifPresent(last -> requireWindow(group.region(), last, plan.start().toLocalDate()));
        }
        return new Times(start, end, location);
    }

    /**
     * The day must fall between the minimum and maximum number of weeks after the last held session.
     * When the latest allowed day has already passed, the group starts again and any future day will do.
     */
    private void requireWindow(RegionCode region, Instant lastHeld, LocalDate day) {
        IntervisieRules.Applied applied = rules.in(region.value());
        LocalDate last = LocalDate.ofInstant(lastHeld, clock.getZone());
        LocalDate earliest = last.plusWeeks(applied.minWeeksBetween());
        LocalDate latest = last.plusWeeks(applied.maxWeeksBetween());
        if (latest.isBefore(LocalDate.now(clock))) {
            return;
        }
        if (day.isBefore(earliest) || day.isAfter(latest)) {
            throw new InvalidInputException("error.intervisie.window", applied.minWeeksBetween(), applied.maxWeeksBetween(),
                    DAY.format(last), DAY.format(earliest), DAY.format(latest));
        }
    }

    private Optional<Instant> lastHeld(UUID groupId, Optional<UUID> except) {
        return db.sql("SELECT starts_at FROM intervisie_session WHERE group_id = ? AND status = 'HELD' AND id <> ? "
                + "ORDER BY starts_at DESC LIMIT 1").params(groupId, except.orElse(new UUID(0, 0)))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private void requireAwaited(IntervisieSession session) {
        if (session.status() != SessionStatus.PLANNED) {
            throw new InvalidInputException("error.intervisie.not-planned");
        }
        if (!session.endsAt().isAfter(clock.instant())) {
            throw new InvalidInputException("error.intervisie.record-first");
        }
    }

    private void cancelSession(IntervisieSession session, Actor actor) {
        db.sql("UPDATE intervisie_session SET status = 'CANCELLED', recorded_by = ?, recorded_at = ? WHERE id = ?")
                .params(actor.userId(), Timestamp.from(clock.instant()), session.id()).update();
        events.publishEvent(new SessionChanged(session.id(), SessionChanged.Change.CANCELLED));
    }

    private Optional<IntervisieSession> planned(UUID groupId) {
        return db.sql("SELECT id FROM intervisie_session WHERE group_id = ? AND status = 'PLANNED'").param(groupId)
                .query(UUID.class).optional().map(this::loadSession);
    }

    private List<ApplicationId> missedTwiceIds(UUID sessionId) {
        IntervisieSession session = loadSession(sessionId);
        if (session.status() != SessionStatus.HELD) {
            return List.of();
        }
        Optional<UUID> previous = db.sql("SELECT id FROM intervisie_session WHERE group_id = ? AND status = 'HELD' AND starts_at < ? "
                + "ORDER BY starts_at DESC LIMIT 1").params(session.groupId(), Timestamp.from(session.startsAt()))
                .query(UUID.class).optional();
        if (previous.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT a.buddy_id FROM intervisie_attendance a JOIN intervisie_attendance p ON p.buddy_id = a.buddy_id "
                + "AND p.session_id = ? WHERE a.session_id = ? AND a.attendance = 'ABSENT' AND p.attendance = 'ABSENT' ORDER BY a.buddy_id")
                .params(previous.get(), sessionId).query(UUID.class).list().stream().map(ApplicationId::new).toList();
    }

    IntervisieGroup load(UUID groupId) {
        if (groupId == null) {
            throw new NotFoundException("error.intervisie.not-found");
        }
        record Row(String reference, String region, String name, String kind, String status) {
        }
        Row row = db.sql("SELECT reference, region_code, name, kind, status FROM intervisie_group WHERE id = ?").param(groupId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional().orElseThrow(() -> new NotFoundException("error.intervisie.not-found"));
        List<ApplicationId> members = db.sql("SELECT buddy_id FROM intervisie_member WHERE group_id = ?").param(groupId)
                .query(UUID.class).list().stream().map(ApplicationId::new).toList();
        return new IntervisieGroup(groupId, row.reference(), new RegionCode(row.region()), row.name(), SessionKind.valueOf(row.kind()),
                GroupStatus.valueOf(row.status()), named(members));
    }

    IntervisieSession loadSession(UUID sessionId) {
        if (sessionId == null) {
            throw new NotFoundException("error.intervisie.not-found");
        }
        record Row(UUID group, String reference, Instant start, Instant end, String location, String status) {
        }
        Row row = db.sql("SELECT s.group_id, g.reference, s.starts_at, s.ends_at, s.location, s.status FROM intervisie_session s "
                + "JOIN intervisie_group g ON g.id = s.group_id WHERE s.id = ?").param(sessionId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .optional().orElseThrow(() -> new NotFoundException("error.intervisie.not-found"));
        Map<ApplicationId, Attendance> attendance = new HashMap<>();
        db.sql("SELECT buddy_id, attendance FROM intervisie_attendance WHERE session_id = ?").param(sessionId)
                .query((rs, n) -> Map.entry(new ApplicationId(rs.getObject(1, UUID.class)), Attendance.valueOf(rs.getString(2)))).list()
                .forEach(e -> attendance.put(e.getKey(), e.getValue()));
        List<String> themes = db.sql("SELECT theme_code FROM intervisie_theme WHERE session_id = ? ORDER BY theme_code").param(sessionId)
                .query(String.class).list();
        return new IntervisieSession(sessionId, row.group(), row.reference(), row.start(), row.end(), row.location(),
                SessionStatus.valueOf(row.status()), attendance, themes);
    }

    private List<GroupMember> named(Collection<ApplicationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<ApplicationId, String> names = applications.displayNames(ids);
        List<GroupMember> members = new ArrayList<>();
        ids.forEach(id -> members.add(new GroupMember(id, names.getOrDefault(id, id.toString()))));
        members.sort(Comparator.comparing(GroupMember::name).thenComparing(m -> m.buddy().value()));
        return members;
    }

    private static boolean mayRead(Actor actor, RegionCode region) {
        return actor.hasRoleIn(Role.FACILITATOR, region) || actor.hasRoleIn(Role.COORDINATOR, region);
    }

    private Actor requireReader(RegionCode region) {
        Actor actor = currentActor.require();
        if (!mayRead(actor, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return actor;
    }

    private Actor requireFacilitator(RegionCode region) {
        Actor actor = currentActor.require();
        if (!actor.hasRoleIn(Role.FACILITATOR, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return actor;
    }

    private Actor requireCoordinator(RegionCode region) {
        Actor actor = currentActor.require();
        if (!actor.hasRoleIn(Role.COORDINATOR, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return actor;
    }
}
