package nl.steunpunt.buddy.recruitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.recruitment.internal.ApplicationEntity;
import nl.steunpunt.buddy.recruitment.internal.ApplicationRepository;
import nl.steunpunt.buddy.recruitment.internal.ApplicationViewEntity;
import nl.steunpunt.buddy.recruitment.internal.ApplicationViewRepository;
import nl.steunpunt.buddy.recruitment.internal.EnumSetText;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;

/**
 * The recruitment module's API: submit an application and record each selection step. Every read
 * of a case file and every change is checked against the acting coordinator's regions; every read
 * of a case file is logged.
 */
@Service
@Transactional
public class Applications {

    static final int MAX_TEXT = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()-]{6,30}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    private final ApplicationRepository applications;
    private final ApplicationViewRepository views;
    private final Regions regions;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(ApplicationRepository applications, ApplicationViewRepository views, Regions regions,
            CurrentActor currentActor, ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.views = views;
        this.regions = regions;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a new application and announces it with {@link BuddyApplied}. Nothing is stored when input is invalid. */
    public ApplicationId submit(NewApplication application) {
        validate(application);
        UUID id = UUID.randomUUID();
        String reference = "AANM-%d-%04d".formatted(Year.now(clock).getValue(), applications.nextReferenceNumber());
        ApplicationEntity entity = new ApplicationEntity(id, reference, application.region().value(),
                application.firstName().trim(), application.lastName().trim(), application.email().trim(),
                blankToNull(application.phone()), EnumSetText.join(application.schoolLevels()),
                EnumSetText.join(application.problemAreas()), EnumSetText.join(application.languages()),
                application.hoursPerWeek(), application.motivation().trim(), clock.instant());
        applications.save(entity);
        events.publishEvent(new BuddyApplied(new ApplicationId(id), reference, application.region()));
        return new ApplicationId(id);
    }

    /** Opens the case file of an application; the view is logged. */
    public ApplicationDetails open(ApplicationId id) {
        Actor actor = currentActor.require();
        ApplicationEntity entity = accessible(id, actor);
        views.save(new ApplicationViewEntity(entity.id(), actor.userId(), clock.instant()));
        return toDetails(entity);
    }

    /** The current status, for routing; no personal data, so not logged as a view. */
    @Transactional(readOnly = true)
    public ApplicationStatus status(ApplicationId id) {
        return find(id).status();
    }

    /** Records the screening of an application; unsuitable means not selected, with the note as reason. */
    public void recordScreening(ApplicationId id, boolean suitable, String note) {
        Actor actor = currentActor.require();
        String text = text(note, "error.application.screening-note.required", !suitable);
        accessible(id, actor).recordScreening(suitable, text, actor.userId(), clock.instant());
    }

    /** Records the intake interview (kennismakingsgesprek). */
    public void recordIntake(ApplicationId id, LocalDate heldOn, String notes) {
        Actor actor = currentActor.require();
        if (heldOn == null) {
            throw new InvalidInputException("error.application.intake-date.required");
        }
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("error.application.intake-date.future");
        }
        String text = text(notes, "error.application.intake-notes.required", true);
        accessible(id, actor).recordIntake(heldOn, text, actor.userId(), clock.instant());
    }

    /** Records the selection decision; a reason is required unless the applicant is selected. */
    public void recordDecision(ApplicationId id, Decision decision, String reason) {
        Actor actor = currentActor.require();
        if (decision == null) {
            throw new InvalidInputException("error.application.decision.required");
        }
        String text = text(reason, "error.application.decision-reason.required", decision != Decision.SELECTED);
        accessible(id, actor).recordDecision(decision, text, actor.userId(), clock.instant());
    }

    /** Closes a selected application and announces {@link BuddySelected}; safe to call twice. */
    public void confirmSelection(ApplicationId id) {
        ApplicationEntity entity = find(id);
        if (entity.close(Decision.SELECTED, clock.instant())) {
            events.publishEvent(new BuddySelected(id, new RegionCode(entity.regionCode())));
        }
    }

    /** Closes a rejected application and announces {@link ApplicationRejected}; safe to call twice. */
    public void confirmRejection(ApplicationId id) {
        ApplicationEntity entity = find(id);
        if (entity.close(Decision.NOT_SELECTED, clock.instant())) {
            events.publishEvent(new ApplicationRejected(id, new RegionCode(entity.regionCode())));
        }
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
        if (a.schoolLevels() == null || a.schoolLevels().isEmpty()) {
            throw new InvalidInputException("error.application.school-levels.required");
        }
        if (a.problemAreas() == null || a.problemAreas().isEmpty()) {
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

    private static ApplicationDetails toDetails(ApplicationEntity e) {
        return new ApplicationDetails(new ApplicationId(e.id()), e.reference(), new RegionCode(e.regionCode()),
                e.status(), e.firstName(), e.lastName(), e.email(), e.phone(),
                EnumSetText.enums(e.schoolLevels(), nl.steunpunt.buddy.shared.SchoolLevel.class),
                EnumSetText.enums(e.problemAreas(), nl.steunpunt.buddy.shared.ProblemArea.class),
                EnumSetText.strings(e.languages()), e.hoursPerWeek(), e.motivation(), e.submittedAt(),
                Optional.ofNullable(e.screeningSuitable()), Optional.ofNullable(e.screeningNote()),
                Optional.ofNullable(e.intakeHeldOn()), Optional.ofNullable(e.intakeNotes()),
                Optional.ofNullable(e.decision()), Optional.ofNullable(e.decisionReason()));
    }
}
