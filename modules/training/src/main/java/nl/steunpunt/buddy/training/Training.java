package nl.steunpunt.buddy.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.BuddySelected;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.AuditEvent;
import nl.steunpunt.buddy.shared.AuditTrail;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;

/**
 * The training module's API: the catalogue, sessions and attendance, the trainer's sign-off and the
 * qualification that follows. Sign-offs are immutable; only trainers sign off, never for themselves.
 * Steps the workflow takes on its own (certify, refresher, expiry) are idempotent.
 */
@Service
@Transactional
public class Training {

    /** A user name as accounts have them: no spaces or control characters, at most 100 characters. */
    private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");

    public static final String BASIC_TRACK = "BASIS";

    private final JdbcClient db;
    private final Applications applications;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Training(JdbcClient db, Applications applications, CurrentActor currentActor, ApplicationEventPublisher events, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.applications = applications;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    // ---- enrolment ----------------------------------------------------------------------------

    /** Enrols every selected buddy in the basic track once, and places her in upcoming sessions. */
    @ApplicationModuleListener
    void on(BuddySelected event) {
        boolean known = db.sql("SELECT count(*) FROM training_enrollment WHERE application_id = ?")
                .param(event.applicationId().value()).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        db.sql("INSERT INTO training_enrollment (application_id, region_code, track, enrolled_at, reference) VALUES (?, ?, ?, ?, ?)")
                .params(event.applicationId().value(), event.region().value(), BASIC_TRACK, ts(clock.instant()), event.reference())
                .update();
        for (UUID session : db.sql("SELECT id FROM training_session WHERE region_code = ? AND starts_at > ? ORDER BY starts_at")
                .params(event.region().value(), ts(clock.instant())).query(UUID.class).list()) {
            placeIfRoom(session, event.applicationId().value());
        }
        events.publishEvent(new TraineeEnrolled(event.applicationId(), event.reference()));
    }

    /**
     * Holds the trainee's enrolment row until the caller's transaction ends, so that her training
     * process is started once even when its event is delivered twice side by side.
     */
    public void lock(ApplicationId trainee) {
        db.sql("SELECT application_id FROM training_enrollment WHERE application_id = ? FOR UPDATE").param(trainee.value())
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("error.trainee.not-found"));
    }

    /** Whether this buddy is enrolled (selected with a valid VOG). */
    @Transactional(readOnly = true)
    public boolean isEnrolled(ApplicationId trainee) {
        return db.sql("SELECT count(*) FROM training_enrollment WHERE application_id = ?").param(trainee.value())
                .query(Long.class).single() > 0;
    }

    /** Links a buddy's user account to her training record, so she sees her own status. */
    public void linkAccount(ApplicationId trainee, String userId) {
        Actor actor = currentActor.require();
        requireRole(actor, regionOf(trainee), Role.COORDINATOR);
        if (userId == null || !ACCOUNT.matcher(userId).matches()) {
            throw new InvalidInputException("error.training.account.invalid");
        }
        db.sql("UPDATE training_enrollment SET buddy_user_id = ? WHERE application_id = ?").params(userId, trainee.value()).update();
    }

    // ---- catalogue ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<CatalogueItem> modules() {
        return db.sql("SELECT code, name, required FROM training_module WHERE track_code = ? ORDER BY position")
                .param(BASIC_TRACK).query((rs, n) -> new CatalogueItem(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    @Transactional(readOnly = true)
    public List<CatalogueItem> competences() {
        return db.sql("SELECT code, name FROM training_competence WHERE active ORDER BY position")
                .query((rs, n) -> new CatalogueItem(rs.getString(1), rs.getString(2), true)).list();
    }

    /** The basic track's refresher period, for the administrator's catalogue. */
    @Transactional(readOnly = true)
    public Period refresherPeriodOfTrack() {
        requireAdmin();
        return refresherPeriod();
    }

    /**
     * An administrator adds a module to the basic track or renames one. Past attendance and
     * sign-offs keep what they recorded.
     */
    public void saveModule(String code, String name, boolean required) {
        upsertCatalogue("UPDATE training_module SET name = ?, required = ? WHERE code = ?",
                "INSERT INTO training_module (code, track_code, name, required, position) VALUES (:code, '" + BASIC_TRACK
                        + "', :name, :flag, (SELECT coalesce(max(position), 0) + 1 FROM training_module))",
                code, name, required);
    }

    /**
     * An administrator adds, renames or (de)activates a competence. Sign-offs store the competence's
     * name as it was, so a change never rewrites them; an inactive competence is no longer asked.
     */
    public void saveCompetence(String code, String name, boolean active) {
        upsertCatalogue("UPDATE training_competence SET name = ?, active = ? WHERE code = ?",
                "INSERT INTO training_competence (code, name, active, position) VALUES (:code, :name, :flag, "
                        + "(SELECT coalesce(max(position), 0) + 1 FROM training_competence))",
                code, name, active);
    }

    private void upsertCatalogue(String update, String insert, String code, String name, boolean flag) {
        requireAdmin();
        String key = catalogueCode(code);
        String label = catalogueName(name);
        if (db.sql(update).params(label, flag, key).update() == 0) {
            db.sql(insert).param("code", key).param("name", label).param("flag", flag).update();
        }
    }

    /** All competences, active or not, for the administrator. */
    @Transactional(readOnly = true)
    public List<CatalogueItem> allCompetences() {
        requireAdmin();
        return db.sql("SELECT code, name, active FROM training_competence ORDER BY position")
                .query((rs, n) -> new CatalogueItem(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** An administrator sets how long a certification lasts before the refresher is due. */
    public void setRefresherPeriod(Period period) {
        requireAdmin();
        if (period == null || period.isNegative() || period.isZero() || period.toTotalMonths() > 36) {
            throw new InvalidInputException("error.catalogue.refresher-period");
        }
        db.sql("UPDATE training_track SET refresher_period = ? WHERE code = ?").params(period.toString(), BASIC_TRACK).update();
    }

    private void requireAdmin() {
        if (!currentActor.require().hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }

    private static String catalogueCode(String code) {
        String key = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        if (!key.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new InvalidInputException("error.catalogue.code");
        }
        return key;
    }

    private static String catalogueName(String name) {
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 200) {
            throw new InvalidInputException("error.catalogue.name");
        }
        return label;
    }

    // ---- sessions -----------------------------------------------------------------------------

    /** A trainer schedules a session in her region; enrolled trainees who still need its modules are placed in it. */
    public UUID scheduleSession(NewSession session) {
        Actor actor = currentActor.require();
        if (session == null || session.region() == null) {
            throw new InvalidInputException("error.session.region.required");
        }
        requireRole(actor, session.region(), Role.TRAINER);
        if (session.startsAt() == null || session.endsAt() == null) {
            throw new InvalidInputException("error.session.time.required");
        }
        if (!session.startsAt().isAfter(LocalDateTime.now(clock))) {
            throw new InvalidInputException("error.session.time.past");
        }
        if (!session.endsAt().isAfter(session.startsAt())) {
            throw new InvalidInputException("error.session.time.order");
        }
        String location = session.location() == null ? "" : session.location().trim();
        if (location.isEmpty() || location.length() > 300) {
            throw new InvalidInputException("error.session.location.required");
        }
        if (session.capacity() < 1 || session.capacity() > 50) {
            throw new InvalidInputException("error.session.capacity", 1, 50);
        }
        Set<String> known = Set.copyOf(modules().stream().map(CatalogueItem::code).toList());
        if (session.moduleCodes() == null || session.moduleCodes().isEmpty() || !known.containsAll(session.moduleCodes())) {
            throw new InvalidInputException("error.session.modules.required");
        }
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO training_session (id, region_code, track_code, starts_at, ends_at, location, capacity, trainer_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, session.region().value(), BASIC_TRACK, ts(zoned(session.startsAt())), ts(zoned(session.endsAt())),
                        location, session.capacity(), actor.userId(), ts(clock.instant()))
                .update();
        session.moduleCodes().forEach(code -> db.sql("INSERT INTO training_session_module VALUES (?, ?)").params(id, code).update());
        for (UUID trainee : db.sql("SELECT application_id FROM training_enrollment WHERE region_code = ? "
                + "AND modules_completed_at IS NULL ORDER BY enrolled_at").param(session.region().value()).query(UUID.class).list()) {
            placeIfRoom(id, trainee);
        }
        return id;
    }

    /** Sessions of the acting user's regions from the given moment, earliest first. */
    @Transactional(readOnly = true)
    public List<TrainingSession> sessions(Instant from) {
        Actor actor = currentActor.require();
        List<String> regions = actor.regions().stream()
                .filter(r -> actor.hasRoleIn(Role.TRAINER, r) || actor.hasRoleIn(Role.COORDINATOR, r))
                .map(RegionCode::value).toList();
        if (regions.isEmpty()) {
            return List.of();
        }
        return db.sql(SESSION_SELECT + "WHERE s.region_code IN (:regions) AND s.ends_at >= :from ORDER BY s.starts_at")
                .param("regions", regions).param("from", ts(from)).query(this::toSession).list();
    }

    /** One session of the acting user's regions (trainer or coordinator there). */
    @Transactional(readOnly = true)
    public TrainingSession session(UUID id) {
        Actor actor = currentActor.require();
        return db.sql(SESSION_SELECT + "WHERE s.id = ?").param(id).query(this::toSession).optional()
                .filter(s -> actor.hasRoleIn(Role.TRAINER, s.region()) || actor.hasRoleIn(Role.COORDINATOR, s.region()))
                .orElseThrow(() -> new NotFoundException("error.session.not-found"));
    }

    private static final String SESSION_SELECT = "SELECT s.id, s.region_code, s.starts_at, s.ends_at, s.location, s.capacity, "
            + "s.trainer_id, (SELECT count(*) FROM training_session_participant p WHERE p.session_id = s.id) FROM training_session s ";

    private TrainingSession toSession(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        UUID id = rs.getObject(1, UUID.class);
        return new TrainingSession(id, new RegionCode(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                rs.getString(5), rs.getInt(6), rs.getString(7), modulesOf(id), rs.getInt(8));
    }

    /** The trainees in a session with their attendance, by name. */
    @Transactional(readOnly = true)
    public List<Participant> participants(UUID sessionId) {
        session(sessionId);
        Map<ApplicationId, Optional<Boolean>> attendance = new LinkedHashMap<>();
        db.sql("SELECT application_id, attendance FROM training_session_participant WHERE session_id = ?").param(sessionId)
                .query((rs, n) -> {
                    String value = rs.getString(2);
                    attendance.put(new ApplicationId(rs.getObject(1, UUID.class)),
                            value == null ? Optional.empty() : Optional.of("PRESENT".equals(value)));
                    return null;
                }).list();
        Map<ApplicationId, String> names = applications.displayNames(attendance.keySet());
        List<Participant> participants = new ArrayList<>();
        attendance.forEach((id, present) -> participants.add(new Participant(id, names.getOrDefault(id, id.toString()), present)));
        participants.sort(java.util.Comparator.comparing(Participant::name));
        return participants;
    }

    /** Trainees of the session's region who could still be added (enrolled, not yet in it). */
    @Transactional(readOnly = true)
    public List<Participant> candidates(UUID sessionId) {
        TrainingSession session = session(sessionId);
        List<ApplicationId> ids = db.sql("SELECT application_id FROM training_enrollment e WHERE region_code = ? AND NOT EXISTS "
                + "(SELECT 1 FROM training_session_participant p WHERE p.session_id = ? AND p.application_id = e.application_id)")
                .params(session.region().value(), sessionId).query(UUID.class).list().stream().map(ApplicationId::new).toList();
        Map<ApplicationId, String> names = applications.displayNames(ids);
        return ids.stream().map(id -> new Participant(id, names.getOrDefault(id, id.toString()), Optional.empty())).toList();
    }

    /** A trainer or coordinator of the region adds a trainee to a session with room left. */
    public void addParticipant(UUID sessionId, ApplicationId trainee) {
        Actor actor = currentActor.require();
        TrainingSession session = session(sessionId);
        if (!actor.hasRoleIn(Role.TRAINER, session.region()) && !actor.hasRoleIn(Role.COORDINATOR, session.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        if (!regionOf(trainee).equals(session.region())) {
            throw new InvalidInputException("error.session.other-region");
        }
        if (!placeIfRoom(sessionId, trainee.value())) {
            throw new InvalidInputException("error.session.full");
        }
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), session.region()));
    }

    /**
     * The trainer records attendance, one click per trainee. Absence asks the coordinator for a
     * make-up; the last required module attended moves the trainee on to sign-off.
     */
    public void recordAttendance(UUID sessionId, ApplicationId trainee, boolean present) {
        Actor actor = currentActor.require();
        TrainingSession session = session(sessionId);
        requireRole(actor, session.region(), Role.TRAINER);
        if (session.startsAt().isAfter(clock.instant())) {
            throw new InvalidInputException("error.session.not-started");
        }
        int updated = db.sql("UPDATE training_session_participant SET attendance = ?, recorded_by = ?, recorded_at = ? "
                + "WHERE session_id = ? AND application_id = ?")
                .params(present ? "PRESENT" : "ABSENT", actor.userId(), ts(clock.instant()), sessionId, trainee.value()).update();
        if (updated == 0) {
            throw new InvalidInputException("error.session.not-a-participant");
        }
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), session.region()));
        String reference = referenceOf(trainee);
        if (!present) {
            events.publishEvent(new SessionMissed(trainee, reference));
            return;
        }
        int attended = attendedModules(trainee.value());
        int required = requiredModules();
        int marked = db.sql("UPDATE training_enrollment SET modules_completed_at = ? WHERE application_id = ? AND modules_completed_at IS NULL "
                + "AND ? >= ?").params(ts(clock.instant()), trainee.value(), attended, required).update();
        if (marked == 1) {
            events.publishEvent(new ModulesCompleted(trainee, reference));
        }
    }

    // ---- sign-off -----------------------------------------------------------------------------

    /**
     * A trainer of the trainee's region judges every active competence; the lines are stored as a
     * new round and never changed. Returns whether all competences are met.
     */
    public boolean signOff(ApplicationId trainee, List<Judgement> judgements) {
        Actor actor = currentActor.require();
        requireTrainerNotSelf(actor, trainee);
        Map<String, String> competences = new LinkedHashMap<>();
        competences().forEach(c -> competences.put(c.code(), c.name()));
        Map<String, Judgement> given = new HashMap<>();
        for (Judgement judgement : judgements == null ? List.<Judgement>of() : judgements) {
            if (judgement != null && competences.containsKey(judgement.competenceCode())) {
                given.put(judgement.competenceCode(), judgement);
            }
        }
        if (!given.keySet().equals(competences.keySet())) {
            throw new InvalidInputException("error.sign-off.incomplete");
        }
        int round = db.sql("SELECT coalesce(max(round), 0) + 1 FROM training_sign_off WHERE application_id = ?")
                .param(trainee.value()).query(Integer.class).single();
        boolean allMet = true;
        for (var competence : competences.entrySet()) {
            Judgement judgement = given.get(competence.getKey());
            String remark = remark(judgement.remark(), !judgement.met());
            insertSignOff(trainee, round, competence.getKey(), competence.getValue(), judgement.met(), remark, actor, null);
            allMet &= judgement.met();
        }
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), regionOf(trainee)));
        return allMet;
    }

    /** Corrects a sign-off line with a new line that references it; the original stays as it was. */
    public void correctSignOff(ApplicationId trainee, long signOffId, boolean met, String remark) {
        Actor actor = currentActor.require();
        requireTrainerNotSelf(actor, trainee);
        SignOff original = signOffs(trainee).stream().filter(s -> s.id() == signOffId).findFirst()
                .orElseThrow(() -> new NotFoundException("error.sign-off.not-found"));
        String text = remark(remark, true);
        insertSignOff(trainee, original.round(), original.competenceCode(), original.competenceName(), met, text, actor, signOffId);
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), regionOf(trainee)));
    }

    /** Every sign-off line of a trainee, oldest first (for trainers and coordinators of her region); the look is audited. */
    public List<SignOff> signOffs(ApplicationId trainee) {
        Actor actor = currentActor.require();
        RegionCode region = regionOf(trainee);
        if (!actor.hasRoleIn(Role.TRAINER, region) && !actor.hasRoleIn(Role.COORDINATOR, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.BUDDY, trainee.value(), region));
        return db.sql("SELECT id, round, competence_code, competence_name, met, remark, signed_by, signed_at, corrects_id "
                + "FROM training_sign_off WHERE application_id = ? ORDER BY id").param(trainee.value())
                .query((rs, n) -> new SignOff(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        Optional.ofNullable((Long) rs.getObject(9, Long.class))))
                .list();
    }

    // ---- qualification ------------------------------------------------------------------------

    /** Certifies when the latest round (with corrections) meets every competence and the VOG is valid; safe to call twice. */
    public void certify(ApplicationId trainee) {
        if (qualificationStatus(trainee).filter(s -> s == TrainingStatus.CERTIFIED).isPresent()) {
            return;
        }
        if (!latestRoundAllMet(trainee)) {
            throw new IllegalStateException("Trainee " + trainee + " has not met every competence");
        }
        if (!applications.vogValid(trainee)) {
            throw new IllegalStateException("Trainee " + trainee + " has no valid VOG");
        }
        LocalDate due = LocalDate.now(clock).plus(refresherPeriod());
        db.sql("DELETE FROM training_qualification WHERE application_id = ?").param(trainee.value()).update();
        db.sql("INSERT INTO training_qualification (application_id, status, certified_at, refresher_due) VALUES (?, 'CERTIFIED', ?, ?)")
                .params(trainee.value(), ts(clock.instant()), due).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), regionOf(trainee)));
        events.publishEvent(new BuddyCertified(trainee, regionOf(trainee)));
    }

    /** A trainer records that a certified buddy attended the yearly refresher. */
    public void recordRefresher(ApplicationId trainee) {
        Actor actor = currentActor.require();
        requireTrainerNotSelf(actor, trainee);
        if (qualificationStatus(trainee).filter(s -> s == TrainingStatus.CERTIFIED).isEmpty()) {
            throw new InvalidInputException("error.refresher.not-certified");
        }
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), regionOf(trainee)));
        events.publishEvent(new RefresherCompleted(trainee, referenceOf(trainee)));
    }

    /** Moves the refresher deadline a period on; for the workflow. */
    public void confirmRefresher(ApplicationId trainee) {
        db.sql("UPDATE training_qualification SET refreshed_at = ?, refresher_due = ? WHERE application_id = ? AND status = 'CERTIFIED'")
                .params(ts(clock.instant()), LocalDate.now(clock).plus(refresherPeriod()), trainee.value()).update();
    }

    /** The refresher was missed: the qualification expires; safe to call twice. */
    public void expire(ApplicationId trainee) {
        int changed = db.sql("UPDATE training_qualification SET status = 'EXPIRED', expired_at = ? WHERE application_id = ? AND status = 'CERTIFIED'")
                .params(ts(clock.instant()), trainee.value()).update();
        if (changed == 1) {
            audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), regionOf(trainee)));
            events.publishEvent(new QualificationExpired(trainee, regionOf(trainee)));
        }
    }

    /**
     * A coordinator starts re-certification of a buddy whose qualification expired: she follows the
     * modules again (attendance from now on counts) and is signed off in a new round.
     */
    public void recertify(ApplicationId trainee) {
        Actor actor = currentActor.require();
        requireRole(actor, regionOf(trainee), Role.COORDINATOR);
        if (qualificationStatus(trainee).filter(s -> s == TrainingStatus.EXPIRED).isEmpty()) {
            throw new InvalidInputException("error.recertify.not-expired");
        }
        db.sql("UPDATE training_enrollment SET enrolled_at = ?, modules_completed_at = NULL WHERE application_id = ?")
                .params(ts(clock.instant()), trainee.value()).update();
        db.sql("UPDATE training_qualification SET status = 'RECERTIFYING' WHERE application_id = ?").param(trainee.value()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY, trainee.value(), regionOf(trainee)));
        events.publishEvent(new TraineeEnrolled(trainee, referenceOf(trainee)));
    }

    /** The user account linked to a buddy's training record, if any (for tasks she works herself). */
    @Transactional(readOnly = true)
    public Optional<String> accountOf(ApplicationId trainee) {
        return db.sql("SELECT buddy_user_id FROM training_enrollment WHERE application_id = ?").param(trainee.value())
                .query(String.class).optional();
    }

    /** The buddy whose training record is linked to this user account, if any. */
    @Transactional(readOnly = true)
    public Optional<ApplicationId> buddyOfAccount(String userId) {
        return db.sql("SELECT application_id FROM training_enrollment WHERE buddy_user_id = ?").param(userId)
                .query(UUID.class).optional().map(ApplicationId::new);
    }

    /** Whether the buddy may be matched: certified and not expired. */
    @Transactional(readOnly = true)
    public boolean isQualified(ApplicationId trainee) {
        return qualificationStatus(trainee).filter(s -> s == TrainingStatus.CERTIFIED).isPresent();
    }

    /** The trainees of the acting coordinator's or trainer's regions with their qualification. */
    @Transactional(readOnly = true)
    public List<Trainee> trainees() {
        Actor actor = currentActor.require();
        List<String> regions = actor.regions().stream()
                .filter(r -> actor.hasRoleIn(Role.TRAINER, r) || actor.hasRoleIn(Role.COORDINATOR, r))
                .map(RegionCode::value).toList();
        if (regions.isEmpty()) {
            return List.of();
        }
        return toTrainees(db.sql("SELECT e.application_id FROM training_enrollment e WHERE e.region_code IN (:regions) ORDER BY e.enrolled_at")
                .param("regions", regions).query(UUID.class).list());
    }

    /** The acting buddy's own training record, if her account is linked to one. */
    @Transactional(readOnly = true)
    public Optional<Trainee> mine() {
        Actor actor = currentActor.require();
        return toTrainees(db.sql("SELECT application_id FROM training_enrollment WHERE buddy_user_id = ?").param(actor.userId())
                .query(UUID.class).list()).stream().findFirst();
    }

    /** Upcoming sessions the acting buddy takes part in. */
    @Transactional(readOnly = true)
    public List<TrainingSession> mySessions() {
        Optional<Trainee> me = mine();
        if (me.isEmpty()) {
            return List.of();
        }
        return db.sql(SESSION_SELECT + "JOIN training_session_participant me ON me.session_id = s.id "
                + "WHERE me.application_id = ? AND s.ends_at >= ? ORDER BY s.starts_at")
                .params(me.get().id().value(), ts(clock.instant())).query(this::toSession).list();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<Trainee> toTrainees(List<UUID> ids) {
        Map<ApplicationId, String> names = applications.displayNames(ids.stream().map(ApplicationId::new).toList());
        int required = requiredModules();
        List<Trainee> trainees = new ArrayList<>();
        for (UUID id : ids) {
            ApplicationId trainee = new ApplicationId(id);
            var row = db.sql("SELECT e.reference, e.region_code, q.status, q.refresher_due FROM training_enrollment e "
                    + "LEFT JOIN training_qualification q ON q.application_id = e.application_id WHERE e.application_id = ?")
                    .param(id).query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class) }).single();
            TrainingStatus status = row[2] == null || "RECERTIFYING".equals(row[2]) ? TrainingStatus.IN_TRAINING
                    : TrainingStatus.valueOf((String) row[2]);
            trainees.add(new Trainee(trainee, (String) row[0], names.getOrDefault(trainee, id.toString()), new RegionCode((String) row[1]),
                    status, attendedModules(id), required,
                    status == TrainingStatus.CERTIFIED ? Optional.ofNullable((LocalDate) row[3]) : Optional.empty()));
        }
        return trainees;
    }

    private boolean placeIfRoom(UUID sessionId, UUID trainee) {
        boolean already = db.sql("SELECT count(*) FROM training_session_participant WHERE session_id = ? AND application_id = ?")
                .params(sessionId, trainee).query(Long.class).single() > 0;
        if (already) {
            return true;
        }
        // Lock the session row so two concurrent placements cannot both take the last seat.
        int capacity = db.sql("SELECT capacity FROM training_session WHERE id = ? FOR UPDATE").param(sessionId).query(Integer.class).single();
        long taken = db.sql("SELECT count(*) FROM training_session_participant WHERE session_id = ?").param(sessionId).query(Long.class).single();
        if (taken >= capacity) {
            return false;
        }
        db.sql("INSERT INTO training_session_participant (session_id, application_id) VALUES (?, ?)").params(sessionId, trainee).update();
        return true;
    }

    private List<String> modulesOf(UUID sessionId) {
        return db.sql("SELECT module_code FROM training_session_module WHERE session_id = ? ORDER BY module_code")
                .param(sessionId).query(String.class).list();
    }

    private int attendedModules(UUID trainee) {
        return db.sql("SELECT count(DISTINCT m.module_code) FROM training_session_participant p "
                + "JOIN training_session_module m ON m.session_id = p.session_id "
                + "JOIN training_module tm ON tm.code = m.module_code AND tm.required "
                + "JOIN training_enrollment e ON e.application_id = p.application_id "
                + "WHERE p.application_id = ? AND p.attendance = 'PRESENT' AND p.recorded_at >= e.enrolled_at")
                .param(trainee).query(Integer.class).single();
    }

    private int requiredModules() {
        return db.sql("SELECT count(*) FROM training_module WHERE track_code = ? AND required").param(BASIC_TRACK)
                .query(Integer.class).single();
    }

    private boolean latestRoundAllMet(ApplicationId trainee) {
        Map<String, Boolean> effective = new HashMap<>();
        Integer round = db.sql("SELECT max(round) FROM training_sign_off WHERE application_id = ?").param(trainee.value())
                .query(Integer.class).optional().orElse(null);
        if (round == null) {
            return false;
        }
        db.sql("SELECT competence_code, met FROM training_sign_off WHERE application_id = ? AND round = ? ORDER BY id")
                .params(trainee.value(), round).query((rs, n) -> effective.put(rs.getString(1), rs.getBoolean(2))).list();
        return !effective.isEmpty() && effective.values().stream().allMatch(Boolean::booleanValue)
                && effective.keySet().containsAll(competences().stream().map(CatalogueItem::code).toList());
    }

    private void insertSignOff(ApplicationId trainee, int round, String code, String name, boolean met, String remark, Actor actor,
            Long corrects) {
        db.sql("INSERT INTO training_sign_off (application_id, round, competence_code, competence_name, met, remark, signed_by, "
                + "signed_at, corrects_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(trainee.value(), round, code, name, met, remark, actor.userId(), ts(clock.instant()), corrects).update();
    }

    private void requireTrainerNotSelf(Actor actor, ApplicationId trainee) {
        requireRole(actor, regionOf(trainee), Role.TRAINER);
        String buddyAccount = db.sql("SELECT buddy_user_id FROM training_enrollment WHERE application_id = ?").param(trainee.value())
                .query(String.class).optional().orElse(null);
        if (actor.userId().equals(buddyAccount)) {
            throw new AccessDeniedException("error.sign-off.self");
        }
    }

    private static void requireRole(Actor actor, RegionCode region, Role role) {
        if (!actor.hasRoleIn(role, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }

    /** The region a trainee belongs to. */
    @Transactional(readOnly = true)
    public RegionCode regionOf(ApplicationId trainee) {
        return db.sql("SELECT region_code FROM training_enrollment WHERE application_id = ?").param(trainee.value())
                .query(String.class).optional().map(RegionCode::new)
                .orElseThrow(() -> new NotFoundException("error.trainee.not-found"));
    }

    private String referenceOf(ApplicationId trainee) {
        return db.sql("SELECT reference FROM training_enrollment WHERE application_id = ?").param(trainee.value())
                .query(String.class).single();
    }

    private Optional<TrainingStatus> qualificationStatus(ApplicationId trainee) {
        return db.sql("SELECT status FROM training_qualification WHERE application_id = ? AND status <> 'RECERTIFYING'")
                .param(trainee.value()).query(String.class).optional().map(TrainingStatus::valueOf);
    }

    private Period refresherPeriod() {
        return Period.parse(db.sql("SELECT refresher_period FROM training_track WHERE code = ?").param(BASIC_TRACK)
                .query(String.class).single());
    }

    private static String remark(String value, boolean required) {
        String text = value == null ? "" : value.trim();
        if (required && text.isEmpty()) {
            throw new InvalidInputException("error.sign-off.remark.required");
        }
        if (text.length() > 1000) {
            throw new InvalidInputException("error.text.too-long", 1000);
        }
        return text.isEmpty() ? null : text;
    }

    private Instant zoned(LocalDateTime time) {
        return time.atZone(clock.getZone()).toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
