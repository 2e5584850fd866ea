package nl.steunpunt.buddy.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.steunpunt.buddy.notification.MailTemplate;

class MailRendererTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final Locale ENGLISH = Locale.forLanguageTag("en-GB");

    private final MailRenderer renderer = new MailRenderer();

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void every_template_renders_in_dutch_and_english_from_exactly_its_documented_values(MailTemplate template) {
        Map<String, String> values = documentedValues(template);

        RenderedMail dutch = renderer.render(template, DUTCH, values);
        RenderedMail english = renderer.render(template, ENGLISH, values);

        for (RenderedMail mail : new RenderedMail[] { dutch, english }) {
            assertThat(mail.subject()).isNotBlank().doesNotContain("{{", "}}", "\n").contains(values.get("reference"));
            assertThat(mail.body()).doesNotContain("{{", "}}");
            assertThat(mail.body()).contains(values.values());
        }
        if (template == MailTemplate.HELP_REQUEST_RECEIVED_YOUTH) {
            // Young people are addressed informally.
            assertThat(dutch.body()).startsWith("Hoi Zoë,").contains("Groetjes");
            assertThat(english.body()).startsWith("Hi Zoë,").contains("Best wishes");
        } else {
            assertThat(dutch.body()).startsWith("Beste Zoë,").contains("Hartelijke groet");
            assertThat(english.body()).startsWith("Dear Zoë,").contains("Kind regards");
        }
        assertThat(dutch.subject()).isNotEqualTo(english.subject());
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void the_dutch_and_english_template_use_the_same_placeholders(MailTemplate template) throws IOException {
        assertThat(placeholders(MailRenderer.resource(template, DUTCH)))
                .isEqualTo(placeholders(MailRenderer.resource(template, ENGLISH)))
                .isEqualTo(documentedValues(template).keySet());
    }

    @Test
    void any_language_but_english_gets_the_dutch_mail() {
        Map<String, String> values = documentedValues(MailTemplate.APPLICATION_RECEIVED);
        RenderedMail dutch = renderer.render(MailTemplate.APPLICATION_RECEIVED, DUTCH, values);

        for (Locale locale : new Locale[] { null, Locale.ROOT, Locale.GERMAN, Locale.forLanguageTag("nl-BE"), Locale.forLanguageTag("ar") }) {
            assertThat(renderer.render(MailTemplate.APPLICATION_RECEIVED, locale, values)).isEqualTo(dutch);
        }
        assertThat(renderer.render(MailTemplate.APPLICATION_RECEIVED, Locale.US, values).subject()).startsWith("We have received");
    }

    @Test
    void the_template_resource_is_named_after_the_template_in_lower_case_with_dashes() {
        assertThat(MailRenderer.resource(MailTemplate.APPLICATION_RECEIVED, DUTCH)).isEqualTo("mail/application-received_nl.txt");
        assertThat(MailRenderer.resource(MailTemplate.DECISION_NOT_SELECTED, ENGLISH)).isEqualTo("mail/decision-not-selected_en.txt");
    }

    @Test
    void a_placeholder_without_a_value_fails_naming_it() {
        Map<String, String> values = new HashMap<>(documentedValues(MailTemplate.DECISION_ON_HOLD));
        values.put("reason", null);

        assertThatThrownBy(() -> renderer.render(MailTemplate.DECISION_ON_HOLD, DUTCH, values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{reason}}")
                .hasMessageContaining("mail/decision-on-hold_nl.txt");
    }

    @Test
    void a_value_is_inserted_literally_and_never_expanded_again() {
        Map<String, String> values = Map.of("name", "{{reference}} $1 \\", "reference", "AANM-2026-0001");

        RenderedMail mail = renderer.render(MailTemplate.APPLICATION_RECEIVED, DUTCH, values);

        assertThat(mail.body()).startsWith("Beste {{reference}} $1 \\,");
    }

    @Test
    void line_breaks_in_a_value_never_reach_the_subject() {
        Map<String, String> values = Map.of("name", "Zoë", "reference", "AANM-1\r\nBcc: someone@example.org");

        RenderedMail mail = renderer.render(MailTemplate.VOG_REQUEST, DUTCH, values);

        assertThat(mail.subject()).doesNotContain("\r", "\n").contains("AANM-1 Bcc: someone@example.org");
    }

    private static Map<String, String> documentedValues(MailTemplate template) {
        Map<String, String> values = new HashMap<>(Map.of("name", "Zoë", "reference", "AANM-2026-0042"));
        switch (template) {
            case INTAKE_INVITATION -> values.putAll(Map.of("date", "dinsdag 3 maart 2026", "time", "19:30",
                    "place", "Steunpunt, Oudegracht 1, Utrecht"));
            case DECISION_NOT_SELECTED, DECISION_ON_HOLD -> values.put("reason", "We zoeken nu vooral buddy's in Amersfoort; één plek is vrij.");
            case HELP_REQUEST_RECEIVED, HELP_REQUEST_RECEIVED_YOUTH ->
                    values.put("withdrawLink", "https://steunpunt.example/hulpvraag/intrekken/abc");
            case PROPOSAL_FOR_BUDDY, FIRST_CONTACT_REMINDER -> values.put("link", "https://steunpunt.example/mijn-koppelingen");
            case INTERVISIE_INVITATION, INTERVISIE_MOVED, INTERVISIE_CANCELLED -> values.putAll(Map.of("group", "Intervisiegroep Utrecht",
                    "date", "dinsdag 13 oktober 2026", "time", "19:30–21:30", "place", "Steunpunt, Oudegracht 1, Utrecht"));
            case PARENT_EVALUATION_LINK, PARENT_EVALUATION_REMINDER -> values.putAll(Map.of("link",
                    "https://steunpunt.example/evaluatie/abc", "expiresOn", "12-03-2026"));
            default -> { }
        }
        return values;
    }

    private static Set<String> placeholders(String resource) throws IOException {
        try (InputStream in = MailRendererTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher matcher = MailRenderer.PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> names = new TreeSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }
    }
}
