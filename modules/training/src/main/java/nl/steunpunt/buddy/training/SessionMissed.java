package nl.steunpunt.buddy.training;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** The trainee missed a session; a make-up is to be planned. */
public record SessionMissed(ApplicationId trainee, String reference) {
}
