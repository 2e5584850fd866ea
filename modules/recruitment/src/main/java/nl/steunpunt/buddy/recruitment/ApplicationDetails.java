package nl.steunpunt.buddy.recruitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;

/** The case file of one application, as a coordinator of its region sees it. */
public record ApplicationDetails(
        ApplicationId id,
        String reference,
        RegionCode region,
        ApplicationStatus status,
        String firstName,
        String lastName,
        String email,
        String phone,
        Set<SchoolLevel> schoolLevels,
        Set<ProblemArea> problemAreas,
        Set<String> languages,
        int hoursPerWeek,
        String motivation,
        Instant submittedAt,
        Optional<Boolean> suitable,
        Optional<String> screeningNote,
        Optional<java.time.LocalDateTime> intakePlannedAt,
        Optional<String> intakePlace,
        Optional<LocalDate> intakeHeldOn,
        Optional<String> intakeNotes,
        java.util.List<CompetenceScore> assessment,
        Optional<Decision> advice,
        Optional<String> adviceReason,
        Optional<Decision> decision,
        Optional<String> decisionReason,
        Optional<String> overrideReason,
        java.util.List<VogRecord> vogRecords,
        Optional<String> withdrawalReason,
        String language) {

    /** True when the coordinator decided otherwise than the advice. */
    public boolean overridesAdvice() {
        return advice.isPresent() && decision.isPresent() && advice.get() != decision.get();
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
