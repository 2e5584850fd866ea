package nl.steunpunt.buddy.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.MatchFacts;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
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
 * The support records of an active match: school meetings (the buddy plans, moves and cancels them,
 * prepares and follows them up), concerns (the buddy raises them, a coordinator of the region handles
 * them), the coordinators' check-ins, reviews and extensions. The match's own buddy works on her
 * meetings and concerns; the region's coordinators read everything and handle; nobody adds anything
 * once the match is no longer active. Every reading of the records is logged.
 */
@Service
@Transactional
public class SupportRecords {

    public static final int MAX_SCHOOL = 200;
    public static final int MAX_PURPOSE = 2000;
    public static final int MAX_TEXT = 4000;

    private final JdbcClient db;
    private final Matchmaking matchmaking;
    private final Training training;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final AuditTrail audit;

    SupportRecords(JdbcClient db, Matchmaking matchmaking, Training training, CurrentActor currentActor, Clock clock,
            AuditTrail audit) {
        this.db = db;
        this.matchmaking = matchmaking;
        this.training = training;
        this.currentActor = currentActor;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- school meetings ------------------------------------------------------------------------

    /** The buddy plans a school meeting of her active match; returns its ID. */
    public UUID planMeeting(UUID matchId, MeetingPlan plan) {
        Actor actor = currentActor.require();
        MatchFacts match = ownActiveMatch(actor, matchId);
        Times times = validate(plan);
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO school_meeting (id, match_id, region_code, starts_at, ends_at, school, purpose, status, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)")
                .params(id, match.id(), match.region().value(), Timestamp.from(times.start()), Timestamp.from(times.end()),
                        plan.school().strip(), text(plan.purpose(), MAX_PURPOSE), actor.userId(), now())
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
        return id;
    }

    /** The buddy moves a planned meeting to another time (or school); returns the match. */
    public MatchFacts moveMeeting(UUID meetingId, MeetingPlan plan) {
        Actor actor = currentActor.require();
        MatchFacts match = ownActiveMatch(actor, plannedMeeting(meetingId).matchId());
        Times times = validate(plan);
        db.sql("UPDATE school_meeting SET starts_at = ?, ends_at = ?, school = ?, purpose = ?, changed_at = ? WHERE id = ?")
                .params(Timestamp.from(times.start()), Timestamp.from(times.end()), plan.school().strip(),
                        text(plan.purpose(), MAX_PURPOSE), now(), meetingId)
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
        return match;
    }

    /** The buddy cancels a planned meeting; returns the match. */
    public MatchFacts cancelMeeting(UUID meetingId) {
        Actor actor = currentActor.require();
        MatchFacts match = ownActiveMatch(actor, plannedMeeting(meetingId).matchId());
        db.sql("UPDATE school_meeting SET status = 'CANCELLED', changed_at = ? WHERE id = ?").params(now(), meetingId).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
        return match;
    }

    /** The buddy's preparation with the parent, before the meeting. */
    public void recordPreparation(UUID meetingId, String note) {
        Actor actor = currentActor.require();
        MatchFacts match = ownActiveMatch(actor, plannedMeeting(meetingId).matchId());
        String text = text(note, MAX_TEXT);
        if (text == null) {
            throw new InvalidInputException("error.meeting.preparation.required");
        }
        db.sql("UPDATE school_meeting SET preparation_note = ?, prepared_at = ? WHERE id = ?").params(text, now(), meetingId).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
    }

    /** After the meeting: did it take place, was the message to the parent sent, and notes. */
    public void recordFollowUp(UUID meetingId, Boolean tookPlace, Boolean messageSent, String notes) {
        Actor actor = currentActor.require();
        MatchFacts match = ownActiveMatch(actor, plannedMeeting(meetingId).matchId());
        if (tookPlace == null) {
            throw new InvalidInputException("error.meeting.took-place.required");
        }
        db.sql("UPDATE school_meeting SET status = ?, took_place = ?, message_sent = ?, follow_up_note = ?, followed_up_at = ? WHERE id = ?")
                .params(tookPlace ? "HELD" : "CANCELLED", tookPlace, Boolean.TRUE.equals(messageSent), text(notes, MAX_TEXT), now(),
                        meetingId)
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
    }

    /** One meeting, for its buddy or a coordinator of the region (the reading is logged). */
    public SchoolMeeting meeting(UUID meetingId) {
        SchoolMeeting meeting = findMeeting(meetingId).orElseThrow(() -> new NotFoundException("error.meeting.not-found"));
        readable(currentActor.require(), meeting.matchId());
        return meeting;
    }

    /** When a meeting starts and ends, for the workflow's reminders; holds no personal data, so it asks no role. */
    @Transactional(readOnly = true)
    public Optional<MeetingTimes> meetingTimes(UUID meetingId) {
        return db.sql("SELECT starts_at, ends_at, region_code FROM school_meeting WHERE id = ?").param(meetingId)
                .query((rs, n) -> new MeetingTimes(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        new RegionCode(rs.getString(3))))
                .optional();
    }

    // ---- concerns -------------------------------------------------------------------------------

    /** The buddy raises a concern about her active match; returns its ID. */
    public UUID raiseConcern(UUID matchId, NewConcern concern) {
        Actor actor = currentActor.require();
        MatchFacts match = ownActiveMatch(actor, matchId);
        String text = concern == null ? null : text(concern.text(), MAX_TEXT);
        if (text == null) {
            throw new InvalidInputException("error.concern.text.required");
        }
        if (concern.urgency() == null) {
            throw new InvalidInputException("error.concern.urgency.required");
        }
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO support_concern (id, match_id, region_code, text, urgency, raised_by, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, match.id(), match.region().value(), text, concern.urgency().name(), actor.userId(), now()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
        return id;
    }

    /** A coordinator of the region records how the concern was handled. */
    public void handleConcern(UUID concernId, String outcome, String action) {
        Actor actor = currentActor.require();
        Concern concern = findConcern(concernId).orElseThrow(() -> new NotFoundException("error.concern.not-found"));
        MatchFacts match = coordinatorOfActiveMatch(actor, concern.matchId());
        String text = text(outcome, MAX_TEXT);
        if (text == null) {
            throw new InvalidInputException("error.concern.outcome.required");
        }
        db.sql("UPDATE support_concern SET outcome = ?, action = ?, handled_by = ?, handled_at = ? WHERE id = ?")
                .params(text, text(action, MAX_TEXT), actor.userId(), now(), concernId).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
    }

    /** One concern, for the buddy who raised it or a coordinator of the region (the reading is logged). */
    public Concern concern(UUID concernId) {
        Concern concern = findConcern(concernId).orElseThrow(() -> new NotFoundException("error.concern.not-found"));
        readable(currentActor.require(), concern.matchId());
        return concern;
    }

    // ---- check-ins, reviews, extensions ---------------------------------------------------------

    /** A coordinator of the region records a check-in with the buddy. */
    public void recordCheckIn(UUID matchId, NewCheckIn checkIn) {
        Actor actor = currentActor.require();
        MatchFacts match = coordinatorOfActiveMatch(actor, matchId);
        if (checkIn == null || checkIn.heldOn() == null) {
            throw new InvalidInputException("error.check-in.date.required");
        }
        if (checkIn.heldOn().isAfter(LocalDate.now(clock)) || checkIn.heldOn().isBefore(LocalDate.ofInstant(match.acceptedAt(), clock.getZone()))) {
            throw new InvalidInputException("error.check-in.date.invalid");
        }
        if (checkIn.going() == null) {
            throw new InvalidInputException("error.check-in.going.required");
        }
        db.sql("INSERT INTO support_check_in (match_id, region_code, held_on, going, notes, follow_up, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(match.id(), match.region().value(), checkIn.heldOn(), checkIn.going().name(), text(checkIn.notes(), MAX_TEXT),
                        text(checkIn.followUp(), MAX_TEXT), actor.userId(), now())
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
    }

    /**
     * A coordinator of the region records the review's decision: extending needs nothing more,
     * closing needs a closure reason (the match itself is ended by the matching module).
     */
    public void recordReview(UUID matchId, ReviewDecision decision, ClosureReason closureReason, String reason) {
        Actor actor = currentActor.require();
        MatchFacts match = coordinatorOfActiveMatch(actor, matchId);
        if (decision == null) {
            throw new InvalidInputException("error.review.decision.required");
        }
        if (decision == ReviewDecision.CLOSE && closureReason == null) {
            throw new InvalidInputException("error.match.closure-reason.required");
        }
        db.sql("INSERT INTO support_review (match_id, decided_on, decision, closure_reason, reason, decided_by, decided_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(match.id(), LocalDate.now(clock), decision.name(), decision == ReviewDecision.CLOSE ? closureReason.name() : null,
                        text(reason, MAX_TEXT), actor.userId(), now())
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
    }

    /** The workflow records the {@code number}th extension until {@code until}; recording it again changes nothing. */
    public void recordExtension(UUID matchId, int number, LocalDate until) {
        db.sql("INSERT INTO support_extension (match_id, number, extended_on, until) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(matchId, number, LocalDate.now(clock), until).update();
    }

    // ---- the case file --------------------------------------------------------------------------

    /** The support records of a match, for its buddy (while it runs) or a coordinator of its region; the reading is logged. */
    public MatchCase open(UUID matchId) {
        Actor actor = currentActor.require();
        MatchFacts match = readable(actor, matchId);
        boolean ownBuddy = isBuddyOf(actor, match);
        List<SchoolMeeting> meetings = db.sql(MEETING_COLUMNS + " WHERE match_id = ? ORDER BY starts_at").param(matchId)
                .query(SupportRecords::meetingRow).list();
        List<Concern> concerns = db.sql(CONCERN_COLUMNS + " WHERE match_id = ? ORDER BY raised_at").param(matchId)
                .query(SupportRecords::concernRow).list();
        List<CheckIn> checkIns = ownBuddy ? List.of() : db.sql("SELECT id, held_on, going, notes, follow_up, recorded_by FROM support_check_in "
                + "WHERE match_id = ? ORDER BY held_on, id").param(matchId)
                .query((rs, n) -> new CheckIn(rs.getLong(1), rs.getObject(2, LocalDate.class), HowItGoes.valueOf(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)), rs.getString(6)))
                .list();
        List<Review> reviews = db.sql("SELECT decided_on, decision, closure_reason, reason, decided_by FROM support_review "
                + "WHERE match_id = ? ORDER BY decided_at, id").param(matchId)
                .query((rs, n) -> new Review(rs.getObject(1, LocalDate.class), ReviewDecision.valueOf(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)).map(ClosureReason::valueOf), Optional.ofNullable(rs.getString(4)),
                        rs.getString(5)))
                .list();
        List<Extension> extensions = db.sql("SELECT number, extended_on, until FROM support_extension WHERE match_id = ? ORDER BY number")
                .param(matchId)
                .query((rs, n) -> new Extension(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))).list();
        return new MatchCase(match, ownBuddy, match.status() == MatchStatus.ACTIVE, meetings, concerns, checkIns, reviews, extensions);
    }

    /** Who looked at this match's support records, oldest first: for the coordinators of its region. */
    @Transactional(readOnly = true)
    public List<String> readersOf(UUID matchId) {
        Actor actor = currentActor.require();
        MatchFacts match = facts(matchId);
        if (!actor.hasRoleIn(Role.COORDINATOR, match.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return db.sql("SELECT viewed_by FROM support_case_view WHERE match_id = ? ORDER BY viewed_at, id").param(matchId)
                .query(String.class).list();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static final String MEETING_COLUMNS = "SELECT id, match_id, starts_at, ends_at, school, purpose, status, preparation_note, "
            + "took_place, message_sent, follow_up_note FROM school_meeting";
    private static final String CONCERN_COLUMNS = "SELECT id, match_id, text, urgency, raised_at, outcome, action, handled_at "
            + "FROM support_concern";

    private record Times(Instant start, Instant end) {
    }

    private static SchoolMeeting meetingRow(ResultSet rs, int n) throws SQLException {
        return new SchoolMeeting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), rs.getString(5), Optional.ofNullable(rs.getString(6)),
                MeetingStatus.valueOf(rs.getString(7)), Optional.ofNullable(rs.getString(8)), Optional.ofNullable((Boolean) rs.getObject(9)),
                Optional.ofNullable((Boolean) rs.getObject(10)), Optional.ofNullable(rs.getString(11)));
    }

    private static Concern concernRow(ResultSet rs, int n) throws SQLException {
        return new Concern(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                ConcernUrgency.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), Optional.ofNullable(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant));
    }

    private Optional<SchoolMeeting> findMeeting(UUID meetingId) {
        return db.sql(MEETING_COLUMNS + " WHERE id = ?").param(meetingId).query(SupportRecords::meetingRow).optional();
    }

    private Optional<Concern> findConcern(UUID concernId) {
        return db.sql(CONCERN_COLUMNS + " WHERE id = ?").param(concernId).query(SupportRecords::concernRow).optional();
    }

    private SchoolMeeting plannedMeeting(UUID meetingId) {
        SchoolMeeting meeting = db.sql(MEETING_COLUMNS + " WHERE id = ? FOR UPDATE").param(meetingId).query(SupportRecords::meetingRow)
                .optional().orElseThrow(() -> new NotFoundException("error.meeting.not-found"));
        if (meeting.status() != MeetingStatus.PLANNED) {
            isBuddyOrThrow(meeting.matchId());
            throw new InvalidInputException("error.meeting.not-planned");
        }
        return meeting;
    }

    private void isBuddyOrThrow(UUID matchId) {
        if (!isBuddyOf(currentActor.require(), facts(matchId))) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
    }

    private MatchFacts facts(UUID matchId) {
        return matchmaking.matchFacts(matchId).orElseThrow(() -> new NotFoundException("error.contact.match.not-found"));
    }

    private MatchFacts ownActiveMatch(Actor actor, UUID matchId) {
        MatchFacts match = facts(matchId);
        if (!isBuddyOf(actor, match)) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
        if (match.status() != MatchStatus.ACTIVE) {
            throw new InvalidInputException("error.match.not-active");
        }
        return match;
    }

    private MatchFacts coordinatorOfActiveMatch(Actor actor, UUID matchId) {
        MatchFacts match = facts(matchId);
        if (!actor.hasRoleIn(Role.COORDINATOR, match.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        if (match.status() != MatchStatus.ACTIVE) {
            throw new InvalidInputException("error.match.not-active");
        }
        return match;
    }

    /** The match's own buddy while it runs, or a coordinator of its region; logs the reading. */
    private MatchFacts readable(Actor actor, UUID matchId) {
        MatchFacts match = facts(matchId);
        boolean coordinator = actor.hasRoleIn(Role.COORDINATOR, match.region());
        if (!coordinator && !isBuddyOf(actor, match)) {
            throw new AccessDeniedException(actor.hasRole(Role.BUDDY) ? "error.match.not-your-match" : "error.access.other-region");
        }
        if (!coordinator && !match.isOpen()) {
            throw new InvalidInputException("error.match.not-active");
        }
        db.sql("INSERT INTO support_case_view (match_id, viewed_by, viewed_at) VALUES (?, ?, ?)").params(match.id(), actor.userId(), now())
                .update();
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.SUPPORT_CASE, match.id(), match.region()));
        return match;
    }

    private boolean isBuddyOf(Actor actor, MatchFacts match) {
        return actor.hasRole(Role.BUDDY) && training.buddyOfAccount(actor.userId()).map(match.buddy()::equals).orElse(false);
    }

    private Times validate(MeetingPlan plan) {
        if (plan == null || plan.on() == null || plan.from() == null || plan.until() == null) {
            throw new InvalidInputException("error.meeting.time.required");
        }
        if (!plan.until().isAfter(plan.from())) {
            throw new InvalidInputException("error.meeting.time.order");
        }
        Instant start = plan.on().atTime(plan.from()).atZone(clock.getZone()).toInstant();
        Instant end = plan.on().atTime(plan.until()).atZone(clock.getZone()).toInstant();
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("error.meeting.time.past");
        }
        if (plan.on().isAfter(LocalDate.now(clock).plusYears(1))) {
            throw new InvalidInputException("error.meeting.time.too-far");
        }
        String school = plan.school() == null ? "" : plan.school().strip();
        if (school.isEmpty()) {
            throw new InvalidInputException("error.meeting.school.required");
        }
        if (school.length() > MAX_SCHOOL) {
            throw new InvalidInputException("error.text.too-long", MAX_SCHOOL);
        }
        text(plan.purpose(), MAX_PURPOSE);
        return new Times(start, end);
    }

    /** Stripped text, {@code null} when blank; too long is refused. */
    private static String text(String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException("error.text.too-long", max);
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
