package nl.steunpunt.buddy.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.notification.MailTemplate;

/**
 * Fills in the mail templates on the class path, {@code mail/<template>_<nl|en>.txt}: a line
 * {@code Subject: …}, a blank line, then the body, with placeholders {@code {{name}}}. A placeholder
 * without a value is an error, so a half-filled mail is never sent.
 */
@Component
public class MailRenderer {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");
    private static final String SUBJECT = "Subject: ";

    private final Map<String, RenderedMail> templates = new ConcurrentHashMap<>();

    /**
     * Renders a template in English when the locale's language is {@code en}, in Dutch otherwise.
     *
     * @throws IllegalArgumentException naming the first placeholder that has no value
     */
    public RenderedMail render(MailTemplate template, Locale locale, Map<String, String> values) {
        String resource = resource(template, locale);
        RenderedMail raw = templates.computeIfAbsent(resource, MailRenderer::load);
        Map<String, String> given = values == null ? Map.of() : values;
        String subject = fill(raw.subject(), given, resource).replaceAll("[\\r\\n]+", " ").strip();
        return new RenderedMail(subject, fill(raw.body(), given, resource));
    }

    /** The class-path resource of a template in a language, e.g. {@code mail/application-received_nl.txt}. */
    static String resource(MailTemplate template, Locale locale) {
        String language = locale != null && "en".equals(locale.getLanguage()) ? "en" : "nl";
        return "mail/" + template.name().toLowerCase(Locale.ROOT).replace('_', '-') + "_" + language + ".txt";
    }

    private static String fill(String text, Map<String, String> values, String resource) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("No value for placeholder {{" + name + "}} in " + resource);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static RenderedMail load(String resource) {
        String text;
        try (InputStream in = MailRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Mail template " + resource + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + resource, e);
        }
        int endOfSubject = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || endOfSubject < 0 || !text.startsWith("\n", endOfSubject + 1)) {
            throw new IllegalStateException("Mail template " + resource + " must start with 'Subject: …' and a blank line");
        }
        String leftover = PLACEHOLDER.matcher(text).replaceAll("");
        if (leftover.contains("{{") || leftover.contains("}}")) {
            throw new IllegalStateException("Mail template " + resource + " has a malformed placeholder");
        }
        String subject = text.substring(SUBJECT.length(), endOfSubject).strip();
        String body = text.substring(endOfSubject + 2).strip() + "\n";
        return new RenderedMail(subject, body);
    }
}
