package nl.steunpunt.buddy.matching;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SearchText;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.SchoolLevel;

/**
 * Help requests (hulpvragen): the public form and a coordinator's registration, the case file
 * (every view logged), intake and withdrawal. Only coordinators of the request's region see it.
 */
@Service
@Transactional
public class HelpRequests {

    static final int MAX_TEXT = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()-]{6,30}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String SUMMARY_COLUMNS = "r.id, r.reference, r.region_code, r.requester_kind, r.contact_name, r.school_level, "
            + "r.urgency, r.status, r.submitted_at, r.waiting_since";

    private final JdbcClient db;
    private final Regions regions;
    private final Places places;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MatchRecords records;
    private final AuditTrail audit;

    HelpRequests(JdbcClient db, Regions regions, Places places, CurrentActor currentActor, ApplicationEventPublisher events,
            Clock clock, MatchRecords records, AuditTrail audit) {
        this.db = db;
        this.regions = regions;
        this.places = places;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.records = records;
        this.audit = audit;
    }

    /**
     * A parent or young person asks for support through the public form (no account). Sending the
     * same form twice (same submission key) returns the first request; an open request with the same
     * e-mail address is refused.
     */
    public HelpRequestId submit(NewHelpRequest request, UUID submissionKey) {
        return create(request, Channel.FORM, submissionKey, null);
    }

    /** A coordinator registers a request taken by phone or at an oudercafé. */
    public HelpRequestId register(NewHelpRequest request, Channel channel, UUID submissionKey) {
        Actor actor = currentActor.require();
        if (request == null || request.region() == null || !actor.hasRoleIn(Role.COORDINATOR, request.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return create(request, channel == null ? Channel.OTHER : channel, submissionKey, actor.userId());
    }

    private HelpRequestId create(NewHelpRequest r, Channel channel, UUID submissionKey, String registeredBy) {
        if (submissionKey != null) {
            Optional<UUID> earlier = db.sql("SELECT id FROM help_request WHERE submission_key = ?").param(submissionKey)
                    .query(UUID.class).optional();
            if (earlier.isPresent()) {
                return new HelpRequestId(earlier.get());
            }
        }
        validate(r, channel != Channel.FORM);
        String email = blankToNull(r.email());
        if (email != null && db.sql("SELECT count(*) FROM help_request WHERE lower(email) = ? AND status NOT IN ('ACTIVE', 'WITHDRAWN', 'CLOSED')")
                .param(email.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0) {
            throw new InvalidInputException("error.help-request.duplicate");
        }
        UUID id = UUID.randomUUID();
        long number = db.sql("SELECT nextval('help_request_reference_seq')").query(Long.class).single();
        String reference = "HV-%d-%04d".formatted(Year.now(clock).getValue(), number);
        Instant now = clock.instant();
        db.sql("INSERT INTO help_request (id, reference, region_code, requester_kind, channel, contact_name, email, phone, "
                + "school_level, problem_areas, preferred_language, urgency, school_meeting_on, school, place, question, "
                + "correspondence_language, status, withdraw_token, submission_key, registered_by, submitted_at, last_changed_at) "
                + "VALUES (:id, :reference, :region, :kind, :channel, :name, :email, :phone, :level, :areas, :language, :urgency, "
                + ":meeting, :school, :place, :question, :correspondence, 'INTAKE', :token, :key, :registeredBy, :now, :now)")
                .param("id", id).param("reference", reference).param("region", r.region().value())
                .param("kind", r.kind().name()).param("channel", channel.name()).param("name", r.contactName().trim())
                .param("email", email).param("phone", blankToNull(r.phone())).param("level", r.schoolLevel().name())
                .param("areas", Codes.join(r.problemAreas())).param("language", r.preferredLanguage().trim())
                .param("urgency", r.urgency().name()).param("meeting", r.schoolMeetingOn())
                .param("school", normalisedSchool(r.school())).param("place", blankToNull(r.place()))
                .param("question", r.question().trim()).param("correspondence", correspondence(r.correspondenceLanguage()))
                .param("token", newToken()).param("key", submissionKey).param("registeredBy", registeredBy)
                .param("now", Timestamp.from(now)).update();
        audit.record(AuditEvent.created(AuditEvent.SubjectType.HELP_REQUEST, id, r.region()));
        events.publishEvent(new HelpRequested(new HelpRequestId(id), reference, r.region()));
        return new HelpRequestId(id);
    }

    /** The case file; every call is recorded in the view log (who, when). */
    public HelpRequestDetails open(HelpRequestId id) {
        Actor actor = currentActor.require();
        RegionCode region = regionOf(id);
        requireCoordinator(actor, region);
        db.sql("INSERT INTO help_request_view (request_id, viewed_by, viewed_at) VALUES (?, ?, ?)")
                .params(id.value(), actor.userId(), Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.HELP_REQUEST, id.value(), region));
        return details(id);
    }

    /** How often, and by whom, a case file was opened: newest first. */
    @Transactional(readOnly = true)
    public List<String> viewLog(HelpRequestId id) {
        requireCoordinator(currentActor.require(), regionOf(id));
        return db.sql("SELECT viewed_by || ' ' || viewed_at FROM help_request_view WHERE request_id = ? ORDER BY viewed_at DESC")
                .param(id.value()).query(String.class).list();
    }

    @Transactional(readOnly = true)
    public List<HelpRequestSummary> search(HelpRequestFilter filter, int offset, int limit) {
        Actor actor = currentActor.require();
        Where where = where(filter, actor);
        if (where == null || limit <= 0) {
            return List.of();
        }
        var spec = db.sql("SELECT " + SUMMARY_COLUMNS + " FROM help_request r WHERE " + where.sql
                + " ORDER BY r.submitted_at DESC, r.reference DESC LIMIT :limit OFFSET :offset");
        where.params.forEach(spec::param);
        return spec.param("limit", limit).param("offset", Math.max(0, offset)).query(HelpRequests::summary).list();
    }

    @Transactional(readOnly = true)
    public long count(HelpRequestFilter filter) {
        Actor actor = currentActor.require();
        Where where = where(filter, actor);
        if (where == null) {
            return 0;
        }
        var spec = db.sql("SELECT count(*) FROM help_request r WHERE " + where.sql);
        where.params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    /**
     * The coordinator's intake: she confirms or corrects what matching uses and notes what she heard.
     * Only while the request is at intake or waiting.
     */
    public void recordIntake(HelpRequestId id, SchoolLevel schoolLevel, Set<ProblemArea> problemAreas, String preferredLanguage,
            Urgency urgency, String school, String place, String note) {
        Actor actor = currentActor.require();
        RegionCode region = regionOf(id);
        requireCoordinator(actor, region);
        HelpRequestStatus status = status(id);
        if (status != HelpRequestStatus.INTAKE && status != HelpRequestStatus.WAITING && status != HelpRequestStatus.SEARCHING) {
            throw new InvalidInputException("error.help-request.state");
        }
        if (schoolLevel == null) {
            throw new InvalidInputException("error.help-request.school-level.required");
        }
        requireAreas(problemAreas);
        requireLanguage(preferredLanguage);
        if (urgency == null) {
            throw new InvalidInputException("error.help-request.urgency.required");
        }
        requirePlace(place);
        String text = text(note, "error.intake.note.required", true);
        db.sql("UPDATE help_request SET school_level = ?, problem_areas = ?, preferred_language = ?, urgency = ?, school = ?, "
                + "place = ?, intake_note = ?, last_changed_at = ?, version = version + 1 WHERE id = ?")
                .params(schoolLevel.name(), Codes.join(problemAreas), preferredLanguage.trim(), urgency.name(),
                        normalisedSchool(school), blankToNull(place), text, Timestamp.from(clock.instant()), id.value())
                .update();
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.HELP_REQUEST, id.value(), region));
    }

    /** A coordinator records that the requester withdrew (by phone, mail); announces {@link HelpRequestWithdrawn}. */
    public void withdraw(HelpRequestId id, String reason) {
        Actor actor = currentActor.require();
        requireCoordinator(actor, regionOf(id));
        withdrawOpen(id, text(reason, "error.help-request.withdrawal-reason.required", true));
    }

    /**
     * The requester withdraws through the personal link in the confirmation mail (no account).
     * An unknown or spent link changes nothing.
     */
    public void withdrawByLink(String token, String reason) {
        if (token == null || token.length() > 64) {
            throw new NotFoundException("error.help-request.link.invalid");
        }
        UUID id = db.sql("SELECT id FROM help_request WHERE withdraw_token = ?").param(token).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("error.help-request.link.invalid"));
        String text = text(reason, null, false);
        withdrawOpen(new HelpRequestId(id), text == null ? "—" : text);
    }

    /** What the personal withdrawal link shows: the reference and whether the request is still open. */
    @Transactional(readOnly = true)
    public Optional<HelpRequestSummary> byLink(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return db.sql("SELECT " + SUMMARY_COLUMNS + " FROM help_request r WHERE r.withdraw_token = ?").param(token)
                .query(HelpRequests::summary).optional();
    }

    private void withdrawOpen(HelpRequestId id, String reason) {
        var row = db.sql("SELECT reference, status FROM help_request WHERE id = ? FOR UPDATE").param(id.value())
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
        if (!HelpRequestStatus.valueOf(row[1]).isOpen()) {
            throw new InvalidInputException("error.help-request.closed");
        }
        db.sql("UPDATE help_request SET status = 'WITHDRAWN', withdrawal_reason = ?, waiting_since = NULL, last_changed_at = ?, "
                + "version = version + 1 WHERE id = ?").params(reason, Timestamp.from(clock.instant()), id.value()).update();
        Set<RegionCode> freed = records.release(id);
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.HELP_REQUEST, id.value(), regionOf(id)));
        events.publishEvent(new HelpRequestWithdrawn(id, row[0]));
        if (!freed.isEmpty()) {
            // The buddy's place is free now, not when the workflow gets to the withdrawal: waiting requests get a look.
            events.publishEvent(new CapacityAvailable(records.served(freed)));
        }
    }

    /**
     * Holds the request's row until the caller's transaction ends, so that steps which must happen
     * once per request (starting its process) do not run twice side by side, e.g. when an event is
     * delivered again while its first delivery is still running.
     */
    public void lock(HelpRequestId id) {
        db.sql("SELECT id FROM help_request WHERE id = ? FOR UPDATE").param(id.value()).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("error.help-request.not-found"));
    }

    /** The places (woonplaatsen) the distance criterion knows, by name. */
    @Transactional(readOnly = true)
    public List<String> places() {
        return places.names();
    }

    @Transactional(readOnly = true)
    public HelpRequestStatus status(HelpRequestId id) {
        return db.sql("SELECT status FROM help_request WHERE id = ?").param(id.value()).query(String.class).optional()
                .map(HelpRequestStatus::valueOf).orElseThrow(() -> new NotFoundException("error.help-request.not-found"));
    }

    @Transactional(readOnly = true)
    public RegionCode regionOf(HelpRequestId id) {
        return db.sql("SELECT region_code FROM help_request WHERE id = ?").param(id.value()).query(String.class).optional()
                .map(RegionCode::new).orElseThrow(() -> new NotFoundException("error.help-request.not-found"));
    }

    /** What the confirmation mail needs: address, language, reference and the withdrawal token. Module use only. */
    @Transactional(readOnly = true)
    public Optional<RequesterContact> contact(HelpRequestId id) {
        return db.sql("SELECT contact_name, email, correspondence_language, reference, withdraw_token, requester_kind "
                + "FROM help_request WHERE id = ?").param(id.value())
                .query((rs, n) -> new RequesterContact(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                        Locale.forLanguageTag(rs.getString(3)), rs.getString(4), rs.getString(5),
                        RequesterKind.valueOf(rs.getString(6))))
                .optional();
    }

    /** The requester's contact for mail: no account, so the personal withdrawal link carries a token. */
    public record RequesterContact(String name, Optional<String> email, Locale locale, String reference, String withdrawToken,
            RequesterKind kind) {
    }

    // ---- helpers ------------------------------------------------------------------------------

    HelpRequestDetails details(HelpRequestId id) {
        return db.sql("SELECT * FROM help_request WHERE id = ?").param(id.value()).query((rs, n) -> new HelpRequestDetails(
                id, rs.getString("reference"), new RegionCode(rs.getString("region_code")),
                RequesterKind.valueOf(rs.getString("requester_kind")), Channel.valueOf(rs.getString("channel")),
                rs.getString("contact_name"), Optional.ofNullable(rs.getString("email")), Optional.ofNullable(rs.getString("phone")),
                SchoolLevel.valueOf(rs.getString("school_level")), Codes.enums(rs.getString("problem_areas"), ProblemArea.class),
                rs.getString("preferred_language"), Urgency.valueOf(rs.getString("urgency")),
                Optional.ofNullable(rs.getObject("school_meeting_on", LocalDate.class)), Optional.ofNullable(rs.getString("school")),
                Optional.ofNullable(rs.getString("place")), rs.getString("question"),
                HelpRequestStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("intake_note")),
                Optional.ofNullable(rs.getString("withdrawal_reason")), rs.getTimestamp("submitted_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("waiting_since")).map(Timestamp::toInstant),
                records.proposals(id), records.match(id)))
                .optional().orElseThrow(() -> new NotFoundException("error.help-request.not-found"));
    }

    static HelpRequestSummary summary(ResultSet rs, int row) throws SQLException {
        return new HelpRequestSummary(new HelpRequestId(rs.getObject(1, UUID.class)), rs.getString(2), new RegionCode(rs.getString(3)),
                RequesterKind.valueOf(rs.getString(4)), rs.getString(5), SchoolLevel.valueOf(rs.getString(6)),
                Urgency.valueOf(rs.getString(7)), HelpRequestStatus.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(),
                Optional.ofNullable(rs.getTimestamp(10)).map(Timestamp::toInstant));
    }

    private record Where(String sql, java.util.Map<String, Object> params) {
    }

    private Where where(HelpRequestFilter filter, Actor actor) {
        List<String> allowed = actor.regions().stream().filter(r -> actor.hasRoleIn(Role.COORDINATOR, r))
                .filter(r -> filter.region().map(r::equals).orElse(true)).map(RegionCode::value).toList();
        if (allowed.isEmpty()) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        clauses.add("r.region_code IN (:regions)");
        params.put("regions", allowed);
        filter.status().ifPresent(s -> {
            clauses.add("r.status = :status");
            params.put("status", s.name());
        });
        if (filter.openOnly()) {
            clauses.add("r.status NOT IN ('ACTIVE', 'WITHDRAWN', 'CLOSED')");
        }
        SearchText.containsPattern(filter.text()).ifPresent(pattern -> {
            clauses.add("(lower(r.reference) LIKE :text ESCAPE '\\' OR lower(r.contact_name) LIKE :text ESCAPE '\\')");
            params.put("text", pattern);
        });
        return new Where(String.join(" AND ", clauses), params);
    }

    static void requireCoordinator(Actor actor, RegionCode region) {
        if (!actor.hasRoleIn(Role.COORDINATOR, region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }

    private void validate(NewHelpRequest r, boolean byCoordinator) {
        if (r == null || r.kind() == null) {
            throw new InvalidInputException("error.help-request.incomplete");
        }
        if (r.contactName() == null || r.contactName().isBlank() || r.contactName().trim().length() > 200
                || CONTROL.matcher(r.contactName()).find()) {
            throw new InvalidInputException("error.help-request.name.invalid");
        }
        String email = blankToNull(r.email());
        String phone = blankToNull(r.phone());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new InvalidInputException("error.application.email.invalid");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("error.application.phone.invalid");
        }
        if (email == null && (phone == null || !byCoordinator)) {
            // The public form needs an e-mail address for the confirmation and the withdrawal link.
            throw new InvalidInputException(byCoordinator ? "error.help-request.contact.required" : "error.application.email.invalid");
        }
        if (r.region() == null || regions.find(r.region()).isEmpty()) {
            throw new InvalidInputException("error.application.region.unknown");
        }
        if (r.schoolLevel() == null) {
            throw new InvalidInputException("error.help-request.school-level.required");
        }
        requireAreas(r.problemAreas());
        requireLanguage(r.preferredLanguage());
        if (r.urgency() == null) {
            throw new InvalidInputException("error.help-request.urgency.required");
        }
        if (r.schoolMeetingOn() != null) {
            LocalDate today = LocalDate.now(clock);
            if (r.schoolMeetingOn().isBefore(today) || r.schoolMeetingOn().isAfter(today.plusYears(1))) {
                throw new InvalidInputException("error.help-request.meeting-date.invalid");
            }
        }
        if (r.school() != null && r.school().trim().length() > 200) {
            throw new InvalidInputException("error.text.too-long", 200);
        }
        requirePlace(r.place());
        text(r.question(), "error.help-request.question.required", true);
        if (!r.consent()) {
            throw new InvalidInputException("error.application.consent.required");
        }
    }

    private static void requireAreas(Set<ProblemArea> areas) {
        if (areas == null || areas.isEmpty() || areas.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("error.application.problem-areas.required");
        }
    }

    private static void requireLanguage(String language) {
        if (language == null || !LANGUAGE.matcher(language.trim()).matches()) {
            throw new InvalidInputException("error.help-request.language.invalid");
        }
    }

    private void requirePlace(String place) {
        String value = blankToNull(place);
        if (value != null && places.find(value).isEmpty()) {
            throw new InvalidInputException("error.help-request.place.unknown");
        }
    }

    static String text(String value, String requiredKey, boolean required) {
        String trimmed = value == null ? "" : value.trim();
        if (required && trimmed.isEmpty()) {
            throw new InvalidInputException(requiredKey);
        }
        if (trimmed.length() > MAX_TEXT) {
            throw new InvalidInputException("error.text.too-long", MAX_TEXT);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Schools are compared for conflicts of interest: case and spacing do not matter. */
    static String normalisedSchool(String school) {
        String value = blankToNull(school);
        return value == null ? null : value.replaceAll("\\s+", " ");
    }

    private static String correspondence(String value) {
        return "en".equalsIgnoreCase(value == null ? "" : value.trim()) ? "en" : "nl";
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
