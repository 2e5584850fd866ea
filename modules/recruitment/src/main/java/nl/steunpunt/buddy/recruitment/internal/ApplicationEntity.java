package nl.steunpunt.buddy.recruitment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.CompetenceScore;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.shared.InvalidInputException;

/** One buddy application with everything recorded during selection. */
@Entity
@Table(name = "buddy_application")
public class ApplicationEntity {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 20)
    private String reference;

    @Column(name = "region_code", nullable = false, length = 32)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApplicationStatus status;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;
    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;
    @Column(nullable = false, length = 254)
    private String email;
    @Column(length = 30)
    private String phone;
    @Column(name = "school_levels", nullable = false, length = 100)
    private String schoolLevels;
    @Column(name = "problem_areas", nullable = false, length = 500)
    private String problemAreas;
    @Column(nullable = false, length = 200)
    private String languages;
    @Column(name = "hours_per_week", nullable = false)
    private int hoursPerWeek;
    @Column(nullable = false, length = 4000)
    private String motivation;
    @Column(name = "consent_given_at", nullable = false)
    private Instant consentGivenAt;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "screening_suitable")
    private Boolean screeningSuitable;
    @Column(name = "screening_note", length = 4000)
    private String screeningNote;
    @Column(name = "screened_by", length = 100)
    private String screenedBy;
    @Column(name = "screened_at")
    private Instant screenedAt;

    @Column(name = "intake_held_on")
    private LocalDate intakeHeldOn;
    @Column(name = "intake_notes", length = 4000)
    private String intakeNotes;
    @Column(name = "intake_recorded_by", length = 100)
    private String intakeRecordedBy;
    @Column(name = "intake_recorded_at")
    private Instant intakeRecordedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Decision decision;
    @Column(name = "decision_reason", length = 4000)
    private String decisionReason;
    @Column(name = "decided_by", length = 100)
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "submission_key", unique = true)
    private UUID submissionKey;
    @Column(nullable = false, length = 2)
    private String language;
    @Column(name = "intake_planned_at")
    private LocalDateTime intakePlannedAt;
    @Column(name = "intake_place", length = 300)
    private String intakePlace;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Decision advice;
    @Column(name = "advice_reason", length = 40)
    private String adviceReason;
    @Column(name = "override_reason", length = 4000)
    private String overrideReason;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "withdrawal_reason", length = 4000)
    private String withdrawalReason;
    @Column(name = "last_changed_at", nullable = false)
    private Instant lastChangedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_competence_score", joinColumns = @JoinColumn(name = "application_id"))
    private List<ScoreEmbeddable> scores = new ArrayList<>();

    protected ApplicationEntity() {
    }

    public ApplicationEntity(UUID id, String reference, String regionCode, String firstName, String lastName,
            String email, String phone, String schoolLevels, String problemAreas, String languages, int hoursPerWeek,
            String motivation, String language, UUID submissionKey, Instant now) {
        this.id = id;
        this.reference = reference;
        this.regionCode = regionCode;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.schoolLevels = schoolLevels;
        this.problemAreas = problemAreas;
        this.languages = languages;
        this.hoursPerWeek = hoursPerWeek;
        this.motivation = motivation;
        this.language = language;
        this.submissionKey = submissionKey;
        this.consentGivenAt = now;
        this.submittedAt = now;
        this.lastChangedAt = now;
        this.status = ApplicationStatus.SCREENING;
    }

    public void recordScreening(boolean suitable, String note, String by, Instant at) {
        expect(ApplicationStatus.SCREENING);
        this.screeningSuitable = suitable;
        this.screeningNote = note;
        this.screenedBy = by;
        this.screenedAt = at;
        if (suitable) {
            moveTo(ApplicationStatus.INTAKE_PLANNING, at);
        } else {
            this.decision = Decision.NOT_SELECTED;
            this.decisionReason = note;
            this.decidedBy = by;
            this.decidedAt = at;
            moveTo(ApplicationStatus.DECISION, at);
        }
    }

    public void scheduleIntake(LocalDateTime plannedAt, String place, Instant at) {
        expect(ApplicationStatus.INTAKE_PLANNING);
        this.intakePlannedAt = plannedAt;
        this.intakePlace = place;
        moveTo(ApplicationStatus.INTAKE, at);
    }

    public void recordIntake(LocalDate heldOn, String notes, String by, Instant at) {
        expect(ApplicationStatus.INTAKE);
        this.intakeHeldOn = heldOn;
        this.intakeNotes = notes;
        this.intakeRecordedBy = by;
        this.intakeRecordedAt = at;
        moveTo(ApplicationStatus.ASSESSMENT, at);
    }

    public void recordAssessment(List<CompetenceScore> assessment, Instant at) {
        expect(ApplicationStatus.ASSESSMENT);
        scores.clear();
        assessment.forEach(s -> scores.add(new ScoreEmbeddable(s.competence(), s.score(), s.remark())));
        this.advice = null;
        this.adviceReason = null;
        moveTo(ApplicationStatus.DECISION, at);
    }

    public void recordAdvice(Decision advice, String reason, Instant at) {
        this.advice = advice;
        this.adviceReason = reason;
        this.lastChangedAt = at;
    }

    public void recordDecision(Decision decision, String reason, String overrideReason, String by, Instant at) {
        if (status != ApplicationStatus.DECISION && status != ApplicationStatus.ON_HOLD) {
            throw new InvalidInputException("error.application.wrong-step", reference);
        }
        this.decision = decision;
        this.decisionReason = reason;
        this.overrideReason = overrideReason;
        this.decidedBy = by;
        this.decidedAt = at;
        moveTo(decision == Decision.ON_HOLD ? ApplicationStatus.ON_HOLD : ApplicationStatus.DECISION, at);
    }

    /** Selected: the VOG comes next. Returns false when that step was taken already. */
    public boolean confirmSelection(Instant at) {
        if (status == ApplicationStatus.VOG_PENDING || status == ApplicationStatus.SELECTED) {
            return false;
        }
        if (status != ApplicationStatus.DECISION || decision != Decision.SELECTED) {
            throw new IllegalStateException("Application " + reference + " cannot be selected from " + status + "/" + decision);
        }
        moveTo(ApplicationStatus.VOG_PENDING, at);
        return true;
    }

    public void expectVogPending() {
        expect(ApplicationStatus.VOG_PENDING);
    }

    /** Selected with a valid VOG. Returns false when that step was taken already. */
    public boolean completeSelection(Instant at) {
        if (status == ApplicationStatus.SELECTED) {
            return false;
        }
        expect(ApplicationStatus.VOG_PENDING);
        moveTo(ApplicationStatus.SELECTED, at);
        this.closedAt = at;
        return true;
    }

    /** Not selected, for the recorded reason. Returns false when closed already. */
    public boolean reject(String reason, Instant at) {
        if (status == ApplicationStatus.NOT_SELECTED || status == ApplicationStatus.WITHDRAWN) {
            return false;
        }
        if (status == ApplicationStatus.VOG_PENDING) {
            this.decision = Decision.NOT_SELECTED;
            this.decisionReason = reason;
            this.decidedAt = at;
        } else if (status != ApplicationStatus.DECISION || decision != Decision.NOT_SELECTED) {
            throw new IllegalStateException("Application " + reference + " cannot be rejected from " + status + "/" + decision);
        }
        moveTo(ApplicationStatus.NOT_SELECTED, at);
        this.closedAt = at;
        return true;
    }

    public void withdraw(String reason, Instant at) {
        if (status.isClosed()) {
            throw new InvalidInputException("error.application.closed", reference);
        }
        this.withdrawalReason = reason;
        this.withdrawnAt = at;
        this.closedAt = at;
        moveTo(ApplicationStatus.WITHDRAWN, at);
    }

    private void moveTo(ApplicationStatus next, Instant at) {
        this.status = next;
        this.lastChangedAt = at;
    }

    private void expect(ApplicationStatus expected) {
        if (status != expected) {
            throw new InvalidInputException("error.application.wrong-step", reference);
        }
    }

    public UUID id() { return id; }
    public String reference() { return reference; }
    public String regionCode() { return regionCode; }
    public ApplicationStatus status() { return status; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String email() { return email; }
    public String phone() { return phone; }
    public String schoolLevels() { return schoolLevels; }
    public String problemAreas() { return problemAreas; }
    public String languages() { return languages; }
    public int hoursPerWeek() { return hoursPerWeek; }
    public String motivation() { return motivation; }
    public Instant submittedAt() { return submittedAt; }
    public Boolean screeningSuitable() { return screeningSuitable; }
    public String screeningNote() { return screeningNote; }
    public LocalDate intakeHeldOn() { return intakeHeldOn; }
    public String intakeNotes() { return intakeNotes; }
    public Decision decision() { return decision; }
    public UUID submissionKey() { return submissionKey; }
    public String language() { return language; }
    public LocalDateTime intakePlannedAt() { return intakePlannedAt; }
    public String intakePlace() { return intakePlace; }
    public List<ScoreEmbeddable> scores() { return scores; }
    public Decision advice() { return advice; }
    public String adviceReason() { return adviceReason; }
    public String overrideReason() { return overrideReason; }
    public String withdrawalReason() { return withdrawalReason; }
    public Instant lastChangedAt() { return lastChangedAt; }
    public String decisionReason() { return decisionReason; }
}
