package nl.steunpunt.buddy.training;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** The trainee attended every required module; sign-off comes next. */
public record ModulesCompleted(ApplicationId trainee, String reference) {
}
