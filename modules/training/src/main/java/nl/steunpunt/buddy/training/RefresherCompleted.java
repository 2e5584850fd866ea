package nl.steunpunt.buddy.training;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** A certified buddy attended the yearly refresher. */
public record RefresherCompleted(ApplicationId trainee, String reference) {
}
