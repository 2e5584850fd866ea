package nl.steunpunt.buddy.workflow.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.notification.Mail;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.recruitment.ApplicantContact;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;

/** Sends one of the applicant mails, filled from the recruitment module's contact data. */
@Component
class ApplicantMails {

    private static final Map<String, String> VOG_REASON = Map.of(
            "nl", "Wij hebben geen geldige Verklaring Omtrent het Gedrag (VOG) kunnen vaststellen.",
            "en", "We could not establish a valid certificate of conduct (VOG).");

    private final Applications applications;
    private final Mailer mailer;

    ApplicantMails(Applications applications, Mailer mailer) {
        this.applications = applications;
        this.mailer = mailer;
    }

    void send(ApplicationId id, MailTemplate template) {
        ApplicantContact contact = applications.contact(id);
        Locale locale = contact.language();
        Map<String, String> values = new HashMap<>();
        values.put("name", contact.firstName());
        values.put("reference", contact.reference());
        contact.intakeAt().ifPresent(at -> {
            values.put("date", at.toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
            values.put("time", at.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
        });
        contact.intakePlace().ifPresent(place -> values.put("place", place));
        String reason = contact.reason().orElse("");
        values.put("reason", "VOG".equals(reason) ? VOG_REASON.get(locale.getLanguage().equals("en") ? "en" : "nl") : reason);
        mailer.send(new Mail(contact.email(), locale, template, values, contact.reference()));
    }
}
