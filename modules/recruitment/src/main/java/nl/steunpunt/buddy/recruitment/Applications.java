package nl.steunpunt.buddy.recruitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.recruitment.internal.ApplicationEntity;
import nl.steunpunt.buddy.recruitment.internal.ApplicationRepository;
import nl.steunpunt.buddy.recruitment.internal.ApplicationViewEntity;
import nl.steunpunt.buddy.recruitment.internal.ApplicationViewRepository;
import nl.steunpunt.buddy.recruitment.internal.EnumSetText;
import nl.steunpunt.buddy.recruitment.internal.VogRecordEntity;
import nl.steunpunt.buddy.recruitment.internal.VogRecordRepository;
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
 * The recruitment module's API: submit an application and record each selection step. Every read
 * of a case file and every change by a person is checked against the acting coordinator's regions;
 * every read of a case file is logged. Steps the workflow takes on its own (no person acting) are
 * idempotent: a job that runs twice changes nothing the second time.
 */
@Service
@Transactional
public class Applications {

    static final int MAX_TEXT = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()-]{6,30}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final Set<ApplicationStatus> CLOSED =
            EnumSet.of(ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED, ApplicationStatus.WITHDRAWN);

    private final ApplicationRepository applications;
    private final ApplicationViewRepository views;
    private final VogRecordRepository vogRecords;
    private final Regions regions;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Applications(ApplicationRepository applications, ApplicationViewRepository views, VogRecordRepository vogRecords,
            Regions regions, CurrentActor currentActor, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.applications = applications;
        this.views = views;
        this.vogRecords = vogRecords;
        this.regions = regions;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Stores a new application and announces it with {@link BuddyApplied}. The submission key makes
     * a repeated submission of the same form return the first application instead of a second one.
     * Nothing is stored when input is invalid or the e-mail address has an open application already.
     */
    public ApplicationId submit(NewApplication application, UUID submissionKey) {
        if (submissionKey != null) {
            Optional<ApplicationEntity> earlier = applications.findBySubmissionKey(submissionKey);
            if (earlier.isPresent()) {
                return new ApplicationId(earlier.get().id());
            }
        }
        validate(application);
        if (applications.hasOpenApplication(application.email().trim(), CLOSED)) {
            throw new InvalidInputException("error.application.duplicate");
        }
        UUID id = UUID.randomUUID();
        String reference = "AANM-%d-%04d".formatted(Year.now(clock).getValue(), applications.nextReferenceNumber());
        ApplicationEntity entity = new ApplicationEntity(id, reference, application.region().value(),
                application.firstName().trim(), application.lastName().trim(), application.email().trim(),
                blankToNull(application.phone()), EnumSetText.join(application.schoolLevels()),
                EnumSetText.join(application.problemAreas()), EnumSetText.join(application.languages()),
                application.hoursPerWeek(), application.motivation().trim(), language(application.language()),
                submissionKey, clock.instant());
        applications.saveAndFlush(entity);
        audit.record(AuditEvent.created(AuditEvent.SubjectType.BUDDY_APPLICATION, id, application.region()));
        events.publishEvent(new BuddyApplied(new ApplicationId(id), reference, application.region()));
        return new ApplicationId(id);
    }

    /** Opens the case file of an application; the view is logged. */
    public ApplicationDetails open(ApplicationId id) {
        Actor actor = currentActor.require();
        ApplicationEntity entity = accessible(id, actor);
        views.save(new ApplicationViewEntity(entity.id(), actor.userId(), clock.instant()));
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.BUDDY_APPLICATION, entity.id(), new RegionCode(entity.regionCode())));
        return toDetails(entity);
    }

    /** The applications of the acting coordinator's regions, newest first. Names are shown, so only coordinators may list. */
    @Transactional(readOnly = true)
    public List<ApplicationSummary> search(ApplicationFilter filter, int offset, int limit) {
        Actor actor = requireCoordinator();
        if (limit <= 0) {
            return List.of();
        }
        int size = Math.min(limit, 500);
        int from = Math.max(0, offset);
        // Pages are aligned to their size; an offset inside a page reads from the page start and skips.
        int pageSize = from % size == 0 ? size : from + size;
        var page = applications.findAll(specification(filter, actor), PageRequest.of(from / pageSize, pageSize,
                Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("reference"))));
        return page.getContent().stream().skip(from % pageSize).limit(size).map(Applications::toSummary).toList();
    }

    @Transactional(readOnly = true)
    public long count(ApplicationFilter filter) {
        return applications.count(specification(filter, requireCoordinator()));
    }

    /** The current status, for routing; no personal data, so not logged as a view. */
    @Transactional(readOnly = true)
    public ApplicationStatus status(ApplicationId id) {
        return find(id).status();
    }

    /**
     * Names for screens of other modules that already checked the acting user's region (e.g. a
     * trainer's attendance list). Names only; the case file stays behind {@link #open}.
     */
    @Transactional(readOnly = true)
    public Map<ApplicationId, String> displayNames(java.util.Collection<ApplicationId> ids) {
        Map<ApplicationId, String> names = new java.util.HashMap<>();
        applications.findAllById(ids.stream().map(ApplicationId::value).toList())
                .forEach(e -> names.put(new ApplicationId(e.id()), e.firstName() + " " + e.lastName()));
        return names;
    }

    /**
     * A selected buddy's experience for matching (no contact details, so no view is logged). Called
     * by modules on events, without an acting user.
     */
    @Transactional(readOnly = true)
    public BuddyExperience experience(ApplicationId id) {
        ApplicationEntity e = find(id);
        return new BuddyExperience(id, e.reference(), new RegionCode(e.regionCode()),
                EnumSetText.enums(e.schoolLevels(), SchoolLevel.class), EnumSetText.enums(e.problemAreas(), ProblemArea.class),
                Set.copyOf(EnumSetText.strings(e.languages())), e.hoursPerWeek());
    }

    /**
     * Holds the application's row until the caller's transaction ends, so that steps which must
     * happen once per application (starting its process) do not run twice side by side, e.g. when an
     * event is delivered again while its first delivery is still running.
     */
    public void lock(ApplicationId id) {
        applications.lockById(id.value()).orElseThrow(() -> new NotFoundException("error.application.not-found"));
    }

    /** Whether the latest VOG seen for this applicant was valid; certification requires it. */
    @Transactional(readOnly = true)
    public boolean vogValid(ApplicationId id) {
        List<VogRecordEntity> records = vogRecords.findByApplicationIdOrderByRecordedAtAsc(id.value());
        return !records.isEmpty() && records.get(records.size() - 1).valid();
    }

    /** What a mail to the applicant needs; for the workflow's notification steps. */
    @Transactional(readOnly = true)
    public ApplicantContact contact(ApplicationId id) {
        ApplicationEntity e = find(id);
        String reason = e.status() == ApplicationStatus.WITHDRAWN ? e.withdrawalReason() : e.decisionReason();
        return new ApplicantContact(e.reference(), e.firstName(), e.email(), Locale.forLanguageTag(e.language()),
                Optional.ofNullable(e.intakePlannedAt()), Optional.ofNullable(e.intakePlace()), Optional.ofNullable(reason));
    }

    /** Records the screening; unsuitable means not selected, with the note as reason. */
    public void recordScreening(ApplicationId id, boolean suitable, String note) {
        Actor actor = currentActor.require();
        String text = text(note, "error.application.screening-note.required", !suitable);
        ApplicationEntity entity = accessible(id, actor);
        entity.recordScreening(suitable, text, actor.userId(), clock.instant());
        changed(entity);
    }

    /** Plans the intake interview (kennismakingsgesprek): when and where. */
    public void scheduleIntake(ApplicationId id, LocalDateTime at, String place) {
        Actor actor = currentActor.require();
        if (at == null) {
            throw new InvalidInputException("error.application.intake-planned.required");
        }
        if (!at.isAfter(LocalDateTime.now(clock))) {
            throw new InvalidInputException("error.application.intake-planned.past");
        }
        String where = text(place, "error.application.intake-place.required", true);
        if (where.length() > 300) {
            throw new InvalidInputException("error.text.too-long", 300);
        }
        ApplicationEntity entity = accessible(id, actor);
        entity.scheduleIntake(at, where, clock.instant());
        changed(entity);
    }

    /** Records the intake interview that was held. */
    public void recordIntake(ApplicationId id, LocalDate heldOn, String notes) {
        Actor actor = currentActor.require();
        if (heldOn == null) {
            throw new InvalidInputException("error.application.intake-date.required");
        }
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("error.application.intake-date.future");
        }
        String text = text(notes, "error.application.intake-notes.required", true);
        ApplicationEntity entity = accessible(id, actor);
        entity.recordIntake(heldOn, text, actor.userId(), clock.instant());
        changed(entity);
    }

    /** Records the suitability assessment: a score for every competence. */
    public void recordAssessment(ApplicationId id, Map<Competence, CompetenceScore> assessment) {
        Actor actor = currentActor.require();
        List<CompetenceScore> scores = new ArrayList<>();
        for (Competence competence : Competence.values()) {
            CompetenceScore score = assessment == null ? null : assessment.get(competence);
            if (score == null || score.score() < CompetenceScore.INSUFFICIENT || score.score() > CompetenceScore.MAX) {
                throw new InvalidInputException("error.application.assessment.incomplete");
            }
            String remark = text(score.remark(), "", false);
            if (remark != null && remark.length() > 1000) {
                throw new InvalidInputException("error.text.too-long", 1000);
            }
            scores.add(new CompetenceScore(competence, score.score(), remark));
        }
        ApplicationEntity entity = accessible(id, actor);
        entity.recordAssessment(scores, clock.instant());
        changed(entity);
    }

    /** The counts the selection advice is based on. */
    @Transactional(readOnly = true)
    public AssessmentSummary assessmentSummary(ApplicationId id) {
        var scores = find(id).scores();
        if (scores.size() != Competence.values().length) {
            throw new IllegalStateException("Application " + id + " has no complete assessment");
        }
        int insufficient = (int) scores.stream().filter(s -> s.score() == CompetenceScore.INSUFFICIENT).count();
        int doubt = (int) scores.stream().filter(s -> s.score() == CompetenceScore.DOUBT).count();
        return new AssessmentSummary(insufficient, doubt);
    }

    /** Stores the advice of the decision table, for the coordinator who decides. */
    public void recordAdvice(ApplicationId id, Decision advice, String reasonCode) {
        find(id).recordAdvice(advice, reasonCode, clock.instant());
    }

    /**
     * Records the selection decision. A reason is required unless the applicant is selected; deciding
     * otherwise than the advice requires an override reason, which is kept with the decision.
     */
    public void recordDecision(ApplicationId id, Decision decision, String reason, String overrideReason) {
        Actor actor = currentActor.require();
        if (decision == null) {
            throw new InvalidInputException("error.application.decision.required");
        }
        String text = text(reason, "error.application.decision-reason.required", decision != Decision.SELECTED);
        ApplicationEntity entity = accessible(id, actor);
        boolean override = entity.advice() != null && entity.advice() != decision;
        String why = text(overrideReason, "error.application.override-reason.required", override);
        entity.recordDecision(decision, text, override ? why : null, actor.userId(), clock.instant());
        changed(entity);
    }

    /** Moves a selected application on to the VOG; safe to call twice. */
    public void confirmSelection(ApplicationId id) {
        find(id).confirmSelection(clock.instant());
    }

    /**
     * Records that a coordinator saw the applicant's VOG and announces it with {@link VogRegistered};
     * never a copy of the document.
     */
    public void registerVog(ApplicationId id, LocalDate seenOn, LocalDate certificateDate, boolean valid) {
        Actor actor = currentActor.require();
        ApplicationEntity entity = accessible(id, actor);
        entity.expectVogPending();
        LocalDate today = LocalDate.now(clock);
        if (seenOn == null || certificateDate == null) {
            throw new InvalidInputException("error.vog.dates.required");
        }
        if (seenOn.isAfter(today) || certificateDate.isAfter(today)) {
            throw new InvalidInputException("error.vog.dates.future");
        }
        if (certificateDate.isAfter(seenOn)) {
            throw new InvalidInputException("error.vog.certificate-after-seen");
        }
        vogRecords.save(new VogRecordEntity(entity.id(), seenOn, actor.userId(), certificateDate, valid, clock.instant()));
        changed(entity);
        events.publishEvent(new VogRegistered(id, entity.reference(), new RegionCode(entity.regionCode()), valid));
    }

    /** Selected with a valid VOG: announces {@link BuddySelected} for training; safe to call twice. */
    public void completeSelection(ApplicationId id) {
        ApplicationEntity entity = find(id);
        if (entity.completeSelection(clock.instant())) {
            events.publishEvent(new BuddySelected(id, entity.reference(), new RegionCode(entity.regionCode())));
        }
    }

    /** Closes an application as not selected and announces {@link ApplicationRejected}; safe to call twice. */
    public void confirmRejection(ApplicationId id) {
        ApplicationEntity entity = find(id);
        if (entity.reject("VOG", clock.instant())) {
            events.publishEvent(new ApplicationRejected(id, new RegionCode(entity.regionCode())));
        }
    }

    /** The applicant withdraws (recorded by a coordinator); announces {@link ApplicationWithdrawn}. */
    public void withdraw(ApplicationId id, String reason) {
        Actor actor = currentActor.require();
        String text = text(reason, "error.application.withdrawal-reason.required", true);
        ApplicationEntity entity = accessible(id, actor);
        entity.withdraw(text, clock.instant());
        changed(entity);
        events.publishEvent(new ApplicationWithdrawn(id, entity.reference(), new RegionCode(entity.regionCode())));
    }

    private void changed(ApplicationEntity entity) {
        audit.record(AuditEvent.changed(AuditEvent.SubjectType.BUDDY_APPLICATION, entity.id(), new RegionCode(entity.regionCode())));
    }

    private Specification<ApplicationEntity> specification(ApplicationFilter filter, Actor actor) {
        List<String> allowed = actor.regions().stream()
                .filter(r -> actor.hasRoleIn(Role.COORDINATOR, r))
                .filter(r -> filter.region().map(r::equals).orElse(true))
                .map(RegionCode::value).toList();
        return (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
            where.add(allowed.isEmpty() ? cb.disjunction() : root.get("regionCode").in(allowed));
            filter.status().ifPresent(s -> where.add(cb.equal(root.get("status"), s)));
            if (filter.openOnly()) {
                where.add(cb.not(root.get("status").in(CLOSED)));
            }
            SearchText.containsPattern(filter.text()).ifPresent(like -> {
                where.add(cb.or(cb.like(cb.lower(root.get("reference")), like, '\\'),
                        cb.like(cb.lower(root.get("lastName")), like, '\\'),
                        cb.like(cb.lower(root.get("firstName")), like, '\\')));
            });
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    private Actor requireCoordinator() {
        Actor actor = currentActor.require();
        if (!actor.hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return actor;
    }

    private ApplicationEntity find(ApplicationId id) {
        return applications.findById(id.value())
                .orElseThrow(() -> new NotFoundException("error.application.not-found"));
    }

    private ApplicationEntity accessible(ApplicationId id, Actor actor) {
        ApplicationEntity entity = find(id);
        if (!actor.hasRoleIn(Role.COORDINATOR, new RegionCode(entity.regionCode()))) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return entity;
    }

    private void validate(NewApplication a) {
        if (a == null) {
            throw new InvalidInputException("error.application.incomplete");
        }
        requireName(a.firstName(), "error.application.first-name.invalid");
        requireName(a.lastName(), "error.application.last-name.invalid");
        if (a.email() == null || a.email().length() > 254 || !EMAIL.matcher(a.email().trim()).matches()) {
            throw new InvalidInputException("error.application.email.invalid");
        }
        if (a.phone() != null && !a.phone().isBlank() && !PHONE.matcher(a.phone().trim()).matches()) {
            throw new InvalidInputException("error.application.phone.invalid");
        }
        if (a.region() == null || regions.find(a.region()).isEmpty()) {
            throw new InvalidInputException("error.application.region.unknown");
        }
        if (a.schoolLevels() == null || a.schoolLevels().isEmpty() || a.schoolLevels().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("error.application.school-levels.required");
        }
        if (a.problemAreas() == null || a.problemAreas().isEmpty() || a.problemAreas().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("error.application.problem-areas.required");
        }
        Set<String> languages = a.languages() == null ? Set.of() : a.languages();
        if (languages.isEmpty() || languages.size() > 10 || !languages.stream().allMatch(l -> l != null && LANGUAGE.matcher(l).matches())) {
            throw new InvalidInputException("error.application.languages.invalid");
        }
        if (a.hoursPerWeek() < 1 || a.hoursPerWeek() > 40) {
            throw new InvalidInputException("error.application.hours.invalid", 1, 40);
        }
        text(a.motivation(), "error.application.motivation.required", true);
        if (!a.consent()) {
            throw new InvalidInputException("error.application.consent.required");
        }
    }

    private static String language(String value) {
        return "en".equalsIgnoreCase(value == null ? "" : value.trim()) ? "en" : "nl";
    }

    private static void requireName(String name, String key) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw new InvalidInputException(key);
        }
    }

    private static String text(String value, String requiredKey, boolean required) {
        String trimmed = value == null ? "" : value.trim();
        if (required && trimmed.isEmpty()) {
            throw new InvalidInputException(requiredKey);
        }
        if (trimmed.length() > MAX_TEXT) {
            throw new InvalidInputException("error.text.too-long", MAX_TEXT);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ApplicationSummary toSummary(ApplicationEntity e) {
        return new ApplicationSummary(new ApplicationId(e.id()), e.reference(), e.firstName() + " " + e.lastName(),
                new RegionCode(e.regionCode()), e.status(), e.submittedAt(), e.lastChangedAt());
    }

    private ApplicationDetails toDetails(ApplicationEntity e) {
        List<CompetenceScore> scores = e.scores().stream()
                .map(s -> new CompetenceScore(s.competence(), s.score(), s.remark()))
                .sorted(java.util.Comparator.comparing(CompetenceScore::competence)).toList();
        List<VogRecord> vog = vogRecords.findByApplicationIdOrderByRecordedAtAsc(e.id()).stream()
                .map(v -> new VogRecord(v.seenOn(), v.seenBy(), v.certificateDate(), v.valid(), v.recordedAt())).toList();
        return new ApplicationDetails(new ApplicationId(e.id()), e.reference(), new RegionCode(e.regionCode()),
                e.status(), e.firstName(), e.lastName(), e.email(), e.phone(),
                EnumSetText.enums(e.schoolLevels(), SchoolLevel.class),
                EnumSetText.enums(e.problemAreas(), ProblemArea.class),
                EnumSetText.strings(e.languages()), e.hoursPerWeek(), e.motivation(), e.submittedAt(),
                Optional.ofNullable(e.screeningSuitable()), Optional.ofNullable(e.screeningNote()),
                Optional.ofNullable(e.intakePlannedAt()), Optional.ofNullable(e.intakePlace()),
                Optional.ofNullable(e.intakeHeldOn()), Optional.ofNullable(e.intakeNotes()), scores,
                Optional.ofNullable(e.advice()), Optional.ofNullable(e.adviceReason()),
                Optional.ofNullable(e.decision()), Optional.ofNullable(e.decisionReason()),
                Optional.ofNullable(e.overrideReason()), vog, Optional.ofNullable(e.withdrawalReason()), e.language());
    }
}
