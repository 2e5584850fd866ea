package nl.steunpunt.buddy.training;

import java.time.LocalDate;
import java.util.Optional;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/** A trainee's qualification overview. */
public record Trainee(ApplicationId id, String reference, String name, RegionCode region, TrainingStatus status,
        int modulesAttended, int modulesRequired, Optional<LocalDate> refresherDue) {
}
