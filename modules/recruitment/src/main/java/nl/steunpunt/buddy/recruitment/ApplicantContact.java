package nl.steunpunt.buddy.recruitment;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/** What a notification to the applicant needs; read by the workflow when it sends mail. */
public record ApplicantContact(String reference, String firstName, String email, Locale language,
        Optional<LocalDateTime> intakeAt, Optional<String> intakePlace, Optional<String> reason) {
}
