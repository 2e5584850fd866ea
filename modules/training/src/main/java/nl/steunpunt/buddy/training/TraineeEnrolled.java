package nl.steunpunt.buddy.training;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** A selected buddy was enrolled in the basic track. */
public record TraineeEnrolled(ApplicationId trainee, String reference) {
}
