package nl.steunpunt.buddy.closure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.HelpRequests.RequesterContact;
import nl.steunpunt.buddy.matching.MatchEndings;
import nl.steunpunt.buddy.matching.MatchEndings.MatchClosure;
import nl.steunpunt.buddy.matching.MatchFacts;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.RequesterKind;
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
 * The closure of an ended match. Coordinators of the match's region record the closing conversation
 * and the appreciation and read the whole closure (every reading logged); the match's own buddy
 * records and reads only her evaluation; the parent reaches only her evaluation form, through a
 * personal link whose token is never stored (only its SHA-256 hash), that works once and expires.
 */
@Service
@Transactional
public class Closures {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    public static final int MAX_NOTES = 4000;
    public static final int MAX_PARENT_COMMENT = 2000;
    public static final BigDecimal MAX_EXPENSES = new BigDecimal("10000.00");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Matchmaking matchmaking;
    private final MatchEndings endings;
    private final HelpRequests requests;
    private final Training training;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Closures(JdbcClient db, Matchmaking matchmaking, MatchEndings endings, HelpRequests requests, Training training,
            CurrentActor currentActor, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.db = db;
        this.matchmaking = matchmaking;
        this.endings = endings;
        this.requests = requests;
        this.training = training;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- coordinators -----------------------------------------------------------------------------

    /** The closure of a match, for a coordinator of its region; the reading is logged. */
    public ClosureFile file(UUID matchId) {
        Actor actor = currentActor.require();
        MatchFacts match = facts(matchId);
        requireCoordinator(actor, match);
        db.sql("INSERT INTO closure_view (match_id, viewed_by, viewed_at) VALUES (?, ?, ?)")
                .params(matchId, actor.userId(), now()).update();
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.CLOSURE, matchId, match.region()));
        Optional<MatchClosure> closure = endings.closure(matchId);
        return new ClosureFile(matchId, match.reference(), match.region(), closure.map(MatchClosure::reason),
                closure.map(MatchClosure::endedAt), conversation(matchId), linkState(matchId), parentEvaluation(matchId),
                buddyEvaluation(matchId), appreciation(matchId),
                requests.contact(match.request()).flatMap(RequesterContact::email).isPresent());
    }

    /** Who read this closure, oldest reading first: for the region's coordinators. */
    @Transactional(readOnly = true)
    public List<String> readersOf(UUID matchId) {
        requireCoordinator(currentActor.require(), facts(matchId));
        return db.sql("SELECT viewed_by FROM closure_view WHERE match_id = ? ORDER BY viewed_at, id").param(matchId)
                .query(String.class).list();
    }

    /** The coordinator records the closing conversation (again: the last record counts). */
    public void recordConversation(UUID matchId, LocalDate heldOn, ConversationOutcome outcome, String notes) {
        Actor actor = currentActor.require();
        MatchFacts match = facts(matchId);
        requireCoordinator(actor, match);
        ended(matchId);
        if (outcome == null) {
            throw new InvalidInputException("error.closure.conversation.outcome");
        }
        if (heldOn == null) {
            throw new InvalidInputException("error.closure.conversation.date");
        }
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("error.closure.conversation.date-future");
        }
        LocalDate accepted = LocalDate.ofInstant(match.acceptedAt(), clock.getZone());
        if (heldOn.isBefore(accepted)) {
            throw new InvalidInputException("error.closure.conversation.date-before", accepted.toString());
        }
        String text = text(notes, MAX_NOTES);
        db.sql("INSERT INTO closing_conversation (match_id, region_code, held_on, outcome, notes, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (match_id) DO UPDATE SET held_on = EXCLUDED.held_on, "
                + "outcome = EXCLUDED.outcome, notes = EXCLUDED.notes, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at")
                .params(matchId, match.region().value(), heldOn, outcome.name(), text, actor.userId(), now()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.CLOSURE, matchId, match.region()));
    }

    /** The coordinator records the appreciation of the buddy; expenses in euros, at most two decimals. */
    public void recordAppreciation(UUID matchId, boolean thanksSent, boolean invitedToYearlyMeeting, BigDecimal expenses) {
        Actor actor = currentActor.require();
        MatchFacts match = facts(matchId);
        requireCoordinator(actor, match);
        ended(matchId);
        if (expenses != null && (expenses.signum() < 0 || expenses.compareTo(MAX_EXPENSES) > 0 || expenses.stripTrailingZeros().scale() > 2)) {
            throw new InvalidInputException("error.closure.expenses", MAX_EXPENSES.toPlainString());
        }
        db.sql("INSERT INTO buddy_appreciation (match_id, region_code, thanks_sent, invited_yearly, expenses, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (match_id) DO UPDATE SET thanks_sent = EXCLUDED.thanks_sent, "
                + "invited_yearly = EXCLUDED.invited_yearly, expenses = EXCLUDED.expenses, recorded_by = EXCLUDED.recorded_by, "
                + "recorded_at = EXCLUDED.recorded_at")
                .params(matchId, match.region().value(), thanksSent, invitedToYearlyMeeting, expenses, actor.userId(), now()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.CLOSURE, matchId, match.region()));
    }

    /**
     * A coordinator makes a new personal link to pass on to the parent herself (e.g. by phone when
     * the request has no e-mail address). Earlier links keep working; the new one expires with them.
     */
    public ParentLink passOnParentLink(UUID matchId) {
        requireCoordinator(currentActor.require(), facts(matchId));
        return reissueParentLink(matchId).orElseThrow(() -> new InvalidInputException("error.closure.link.closed"));
    }

    // ---- the buddy --------------------------------------------------------------------------------

    /** The buddy's own evaluation of her match, once she gave it. */
    @Transactional(readOnly = true)
    public Optional<BuddyEvaluation> ownEvaluation(UUID matchId) {
        requireOwnBuddy(currentActor.require(), facts(matchId));
        return buddyEvaluation(matchId);
    }

    /** The buddy evaluates her own ended match: every scale 1–5, a free text if she likes. */
    public void recordBuddyEvaluation(UUID matchId, BuddyScores scores, String comment) {
        Actor actor = currentActor.require();
        MatchFacts match = facts(matchId);
        requireOwnBuddy(actor, match);
        ended(matchId);
        if (scores == null) {
            throw new InvalidInputException("error.closure.score", MIN_SCORE, MAX_SCORE);
        }
        int prepared = score(scores.prepared());
        int supported = score(scores.supported());
        int contact = score(scores.parentContact());
        int school = score(scores.schoolCooperation());
        int control = score(scores.parentInControl());
        String text = text(comment, MAX_NOTES);
        db.sql("INSERT INTO buddy_evaluation (match_id, region_code, buddy_id, prepared, supported, parent_contact, school_cooperation, "
                + "parent_in_control, comment, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (match_id) DO UPDATE SET prepared = EXCLUDED.prepared, supported = EXCLUDED.supported, "
                + "parent_contact = EXCLUDED.parent_contact, school_cooperation = EXCLUDED.school_cooperation, "
                + "parent_in_control = EXCLUDED.parent_in_control, comment = EXCLUDED.comment, submitted_at = EXCLUDED.submitted_at")
                .params(matchId, match.region().value(), match.buddy().value(), prepared, supported, contact, school, control, text,
                        actor.userId(), now()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.CLOSURE, matchId, match.region()));
        events.publishEvent(new BuddyEvaluationSubmitted(matchId, match.region(),
                new BuddyScores(prepared, supported, contact, school, control)));
    }

    // ---- the parent, through her link ----------------------------------------------------------------

    /** What the public page may show for this token; never fails. */
    @Transactional(readOnly = true)
    public EvaluationInvitation invitation(String token) {
        Optional<LinkRow> link = link(token, false);
        if (link.isEmpty()) {
            return new EvaluationInvitation(EvaluationInvitation.State.UNKNOWN, RequesterKind.PARENT, Locale.forLanguageTag("nl"));
        }
        Optional<RequesterContact> contact = requests.contact(new HelpRequestId(link.get().request()));
        RequesterKind kind = contact.map(RequesterContact::kind).orElse(RequesterKind.PARENT);
        Locale locale = contact.map(RequesterContact::locale).orElse(Locale.forLanguageTag("nl"));
        return new EvaluationInvitation(state(link.get()), kind, locale);
    }

    /**
     * The parent submits her evaluation through her link: all three scales 1–5, a free text if she
     * likes. Works once, before the link expires; then every link of the match is used.
     */
    public void submitParentEvaluation(String token, ParentScores scores, String comment) {
        LinkRow link = link(token, true).orElseThrow(() -> new InvalidInputException("error.closure.link.unknown"));
        switch (state(link)) {
            case USED -> throw new InvalidInputException("error.closure.link.used");
            case EXPIRED -> throw new InvalidInputException("error.closure.link.expired");
            default -> {
            }
        }
        if (scores == null) {
            throw new InvalidInputException("error.closure.score", MIN_SCORE, MAX_SCORE);
        }
        int heard = score(scores.feltHeard());
        int control = score(scores.regainedControl());
        int school = score(scores.schoolCooperation());
        String text = text(comment, MAX_PARENT_COMMENT);
        MatchFacts match = facts(link.match());
        int inserted = db.sql("INSERT INTO parent_evaluation (match_id, region_code, felt_heard, regained_control, school_cooperation, "
                + "comment, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (match_id) DO NOTHING")
                .params(link.match(), match.region().value(), heard, control, school, text, now()).update();
        if (inserted == 0) {
            throw new InvalidInputException("error.closure.link.used");
        }
        db.sql("UPDATE parent_evaluation_link SET used_at = ? WHERE match_id = ? AND used_at IS NULL").params(now(), link.match()).update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.CLOSURE, link.match(), match.region()));
        events.publishEvent(new ParentEvaluationSubmitted(link.match(), match.reference()));
    }

    // ---- the closure process ----------------------------------------------------------------------

    /** Makes the parent's personal link, valid until {@code expiresAt}. For the closure process. */
    public ParentLink issueParentLink(UUID matchId, Instant expiresAt) {
        MatchFacts match = facts(matchId);
        requireProcessOrCoordinator(match);
        return insertLink(match, expiresAt);
    }

    /**
     * Another link for the same evaluation, expiring with the open ones (a reminder carries one);
     * empty when the evaluation is in or its links expired. For the closure process.
     */
    public Optional<ParentLink> reissueParentLink(UUID matchId) {
        MatchFacts match = facts(matchId);
        requireProcessOrCoordinator(match);
        Optional<Timestamp> expiry = db.sql("SELECT max(expires_at) FROM parent_evaluation_link WHERE match_id = ? AND used_at IS NULL "
                + "AND expired_at IS NULL AND expires_at > ?").params(matchId, now()).query(Timestamp.class).optional();
        if (expiry.isEmpty() || parentEvaluation(matchId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(insertLink(match, expiry.get().toInstant()));
    }

    /** Every unused link of the match stops working. Idempotent. For the closure process. */
    public void expireParentLinks(UUID matchId) {
        requireProcessOrCoordinator(facts(matchId));
        db.sql("UPDATE parent_evaluation_link SET expired_at = ? WHERE match_id = ? AND used_at IS NULL AND expired_at IS NULL")
                .params(now(), matchId).update();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private record LinkRow(long id, UUID match, UUID request, Instant expiresAt, Optional<Instant> usedAt, Optional<Instant> expiredAt) {
    }

    private ParentLink insertLink(MatchFacts match, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.sql("INSERT INTO parent_evaluation_link (match_id, request_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(match.id(), match.request().value(), hash(token), now(), Timestamp.from(expiresAt)).update();
        return new ParentLink(token, expiresAt);
    }

    private Optional<LinkRow> link(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return db.sql("SELECT id, match_id, request_id, expires_at, used_at, expired_at FROM parent_evaluation_link WHERE token_hash = ?"
                + (lock ? " FOR UPDATE" : "")).param(hash(token.strip()))
                .query((rs, n) -> new LinkRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getTimestamp(6)).map(Timestamp::toInstant)))
                .optional();
    }

    private EvaluationInvitation.State state(LinkRow link) {
        if (link.usedAt().isPresent()) {
            return EvaluationInvitation.State.USED;
        }
        if (link.expiredAt().isPresent() || !clock.instant().isBefore(link.expiresAt())) {
            return EvaluationInvitation.State.EXPIRED;
        }
        return EvaluationInvitation.State.VALID;
    }

    private LinkState linkState(UUID matchId) {
        List<LinkRow> links = db.sql("SELECT id, match_id, request_id, expires_at, used_at, expired_at FROM parent_evaluation_link "
                + "WHERE match_id = ?").param(matchId)
                .query((rs, n) -> new LinkRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getTimestamp(6)).map(Timestamp::toInstant)))
                .list();
        if (links.isEmpty()) {
            return LinkState.NONE;
        }
        if (links.stream().anyMatch(l -> l.usedAt().isPresent())) {
            return LinkState.USED;
        }
        return links.stream().anyMatch(l -> state(l) == EvaluationInvitation.State.VALID) ? LinkState.OPEN : LinkState.EXPIRED;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<ClosingConversation> conversation(UUID matchId) {
        return db.sql("SELECT held_on, outcome, notes, recorded_by, recorded_at FROM closing_conversation WHERE match_id = ?").param(matchId)
                .query((rs, n) -> new ClosingConversation(rs.getObject(1, LocalDate.class), ConversationOutcome.valueOf(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    private Optional<ParentEvaluation> parentEvaluation(UUID matchId) {
        return db.sql("SELECT felt_heard, regained_control, school_cooperation, comment, submitted_at FROM parent_evaluation "
                + "WHERE match_id = ?").param(matchId)
                .query((rs, n) -> new ParentEvaluation(new ParentScores(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                        Optional.ofNullable(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    private Optional<BuddyEvaluation> buddyEvaluation(UUID matchId) {
        return db.sql("SELECT prepared, supported, parent_contact, school_cooperation, parent_in_control, comment, submitted_at "
                + "FROM buddy_evaluation WHERE match_id = ?").param(matchId)
                .query((rs, n) -> new BuddyEvaluation(new BuddyScores(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                        Optional.ofNullable(rs.getString(6)), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    private Optional<Appreciation> appreciation(UUID matchId) {
        return db.sql("SELECT thanks_sent, invited_yearly, expenses, recorded_by, recorded_at FROM buddy_appreciation WHERE match_id = ?")
                .param(matchId)
                .query((rs, n) -> new Appreciation(rs.getBoolean(1), rs.getBoolean(2), Optional.ofNullable(rs.getBigDecimal(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    private MatchFacts facts(UUID matchId) {
        if (matchId == null) {
            throw new NotFoundException("error.closure.match.not-found");
        }
        return matchmaking.matchFacts(matchId).orElseThrow(() -> new NotFoundException("error.closure.match.not-found"));
    }

    private MatchClosure ended(UUID matchId) {
        return endings.closure(matchId).orElseThrow(() -> new InvalidInputException("error.closure.not-ended"));
    }

    private static void requireCoordinator(Actor actor, MatchFacts match) {
        if (!actor.hasRoleIn(Role.COORDINATOR, match.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }

    /** The process runs without a person; a person acting must be a coordinator of the match's region. */
    private void requireProcessOrCoordinator(MatchFacts match) {
        currentActor.current().ifPresent(actor -> requireCoordinator(actor, match));
    }

    private void requireOwnBuddy(Actor actor, MatchFacts match) {
        boolean own = actor.hasRole(Role.BUDDY) && training.buddyOfAccount(actor.userId()).map(match.buddy()::equals).orElse(false);
        if (!own) {
            throw new AccessDeniedException("error.match.not-your-match");
        }
    }

    private static int score(Integer value) {
        if (value == null || value < MIN_SCORE || value > MAX_SCORE) {
            throw new InvalidInputException("error.closure.score", MIN_SCORE, MAX_SCORE);
        }
        return value;
    }

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
