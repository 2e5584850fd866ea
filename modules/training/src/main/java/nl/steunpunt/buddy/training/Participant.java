package nl.steunpunt.buddy.training;

import java.util.Optional;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** A trainee in a session; attendance empty until the trainer records it. */
public record Participant(ApplicationId trainee, String name, Optional<Boolean> present) {
}
