package nl.steunpunt.buddy.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One e-mail to send.
 *
 * @param to            the recipient's address
 * @param locale        the recipient's language: English when its language is {@code en}, Dutch otherwise
 *                      (also when {@code null})
 * @param template      what to say; see {@link MailTemplate} for the values each one needs
 * @param values        the values of the template's placeholders, by name
 * @param caseReference the reference of the case the mail is about (at most 64 characters), or {@code null}
 */
public record Mail(String to, Locale locale, MailTemplate template, Map<String, String> values, String caseReference) {

    public Mail {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
