package nl.steunpunt.buddy.recruitment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import nl.steunpunt.buddy.recruitment.ApplicationStatus;
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

    protected ApplicationEntity() {
    }

    public ApplicationEntity(UUID id, String reference, String regionCode, String firstName, String lastName,
            String email, String phone, String schoolLevels, String problemAreas, String languages, int hoursPerWeek,
            String motivation, Instant now) {
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
        this.consentGivenAt = now;
        this.submittedAt = now;
        this.status = ApplicationStatus.SCREENING;
    }

    public void recordScreening(boolean suitable, String note, String by, Instant at) {
        expect(ApplicationStatus.SCREENING);
        this.screeningSuitable = suitable;
        this.screeningNote = note;
        this.screenedBy = by;
        this.screenedAt = at;
        if (suitable) {
            this.status = ApplicationStatus.INTAKE;
        } else {
            this.decision = Decision.NOT_SELECTED;
            this.decisionReason = note;
            this.decidedBy = by;
            this.decidedAt = at;
            this.status = ApplicationStatus.DECISION;
        }
    }

    public void recordIntake(LocalDate heldOn, String notes, String by, Instant at) {
        expect(ApplicationStatus.INTAKE);
        this.intakeHeldOn = heldOn;
        this.intakeNotes = notes;
        this.intakeRecordedBy = by;
        this.intakeRecordedAt = at;
        this.status = ApplicationStatus.DECISION;
    }

    public void recordDecision(Decision decision, String reason, String by, Instant at) {
        if (status != ApplicationStatus.DECISION && status != ApplicationStatus.ON_HOLD) {
            throw new InvalidInputException("error.application.wrong-step", reference);
        }
        this.decision = decision;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
        this.status = decision == Decision.ON_HOLD ? ApplicationStatus.ON_HOLD : ApplicationStatus.DECISION;
    }

    /**
     * Closes the application with its recorded decision. Returns false when it was closed already,
     * so a job that runs twice changes nothing the second time.
     */
    public boolean close(Decision expected, Instant at) {
        ApplicationStatus target = expected == Decision.SELECTED ? ApplicationStatus.SELECTED : ApplicationStatus.NOT_SELECTED;
        if (status == target) {
            return false;
        }
        if (status != ApplicationStatus.DECISION || decision != expected) {
            throw new IllegalStateException("Application " + reference + " cannot close as " + expected
                    + " from " + status + "/" + decision);
        }
        this.status = target;
        this.closedAt = at;
        return true;
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
    public String decisionReason() { return decisionReason; }
}
