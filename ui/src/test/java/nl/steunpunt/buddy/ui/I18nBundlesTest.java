package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.ui.base.BuddyI18NProvider;

class I18nBundlesTest {

    private final Properties dutch = load("i18n/messages.properties");
    private final Properties english = load("i18n/messages_en.properties");
    private final BuddyI18NProvider provider = new BuddyI18NProvider();

    @Test
    void dutch_and_english_have_exactly_the_same_keys() {
        assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(new TreeSet<>(dutch.stringPropertyNames()));
    }

    @Test
    void every_message_is_a_valid_pattern() {
        for (Properties bundle : new Properties[] { dutch, english }) {
            bundle.stringPropertyNames().forEach(key -> new MessageFormat(bundle.getProperty(key)));
        }
    }

    @Test
    void apostrophes_are_doubled_so_message_format_keeps_them() {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (Properties bundle : new Properties[] { dutch, english }) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key ->
                    assertThat(lone.matcher(bundle.getProperty(key)).find()).as(key).isFalse());
        }
        assertThat(provider.getTranslation("app.tagline", BuddyI18NProvider.DUTCH)).isEqualTo("Buddy's voor ouders en jongeren");
    }

    @Test
    void every_key_the_code_names_exists() throws IOException {
        Pattern literal = Pattern.compile("\"((?:error|app|action|menu|role|phase|login|home|inbox|task|timeline|application|applications|school-level|problem-area|screening|intake|decision|competence|assessment|advice-reason|vog|withdraw|escalation|form|public|outbox|sessions|session|sign-off|qualifications|my-training|training|module)\\.[a-zA-Z0-9_.-]+[a-zA-Z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        for (Path root : new Path[] { Path.of("src/main/java"), Path.of("../modules"), Path.of("../processes/src/main/java") }) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/test/")).toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!dutch.containsKey(m.group(1)) && !isPrefixOfKeys(m.group(1))) {
                            missing.add(m.group(1) + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_enum_value_shown_on_screen_has_a_label() {
        for (Role role : Role.values()) {
            assertThat(dutch).containsKey("role." + role.name()).containsKey("home.role." + role.name() + ".intro");
        }
        for (SchoolLevel level : SchoolLevel.values()) {
            assertThat(dutch).containsKey("school-level." + level.name());
        }
        for (ProblemArea area : ProblemArea.values()) {
            assertThat(dutch).containsKey("problem-area." + area.name());
        }
        for (nl.steunpunt.buddy.recruitment.Competence competence : nl.steunpunt.buddy.recruitment.Competence.values()) {
            assertThat(dutch).containsKey("competence." + competence.name());
        }
        for (nl.steunpunt.buddy.workflow.Phase phase : nl.steunpunt.buddy.workflow.Phase.values()) {
            assertThat(dutch).containsKey("phase." + phase.name());
        }
        for (nl.steunpunt.buddy.training.TrainingStatus status : nl.steunpunt.buddy.training.TrainingStatus.values()) {
            assertThat(dutch).containsKey("training.status." + status.name());
        }
        for (nl.steunpunt.buddy.recruitment.ApplicationStatus status : nl.steunpunt.buddy.recruitment.ApplicationStatus.values()) {
            assertThat(dutch).containsKey("application.status." + status.name());
        }
        for (nl.steunpunt.buddy.matching.HelpRequestStatus status : nl.steunpunt.buddy.matching.HelpRequestStatus.values()) {
            assertThat(dutch).containsKey("help-request.status." + status.name());
        }
        for (nl.steunpunt.buddy.matching.MatchStatus status : nl.steunpunt.buddy.matching.MatchStatus.values()) {
            assertThat(dutch).containsKey("match.status." + status.name());
        }
        for (nl.steunpunt.buddy.matching.ClosureReason reason : nl.steunpunt.buddy.matching.ClosureReason.values()) {
            assertThat(dutch).containsKey("closure.reason." + reason.name());
        }
        for (nl.steunpunt.buddy.matching.DepartureReason reason : nl.steunpunt.buddy.matching.DepartureReason.values()) {
            assertThat(dutch).containsKey("departure.reason." + reason.name());
        }
        for (nl.steunpunt.buddy.notification.MailStatus status : nl.steunpunt.buddy.notification.MailStatus.values()) {
            assertThat(dutch).containsKey("outbox.status." + status.name());
        }
    }

    @Test
    void every_named_element_of_every_process_model_has_a_label() throws IOException {
        Pattern element = Pattern.compile("<bpmn:\\w+ id=\"([A-Za-z]+_[A-Za-z]+)\" name=");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("../processes/src/main/resources/processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = element.matcher(Files.readString(model));
                while (m.find()) {
                    if (!m.group(1).startsWith("Flow_") && !dutch.containsKey("task." + m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void dutch_is_the_default_and_english_is_available() {
        assertThat(provider.getProvidedLocales()).containsExactly(BuddyI18NProvider.DUTCH, BuddyI18NProvider.ENGLISH);
        assertThat(provider.getTranslation("inbox.title", Locale.forLanguageTag("nl"))).isEqualTo("Takenlijst");
        assertThat(provider.getTranslation("inbox.title", Locale.ENGLISH)).isEqualTo("Task inbox");
        assertThat(provider.getTranslation("inbox.title", Locale.GERMAN)).isEqualTo("Takenlijst");
        assertThat(provider.getTranslation("inbox.total", Locale.ENGLISH, 3)).isEqualTo("3 tasks");
        assertThat(provider.getTranslation("inbox.total.more", Locale.ENGLISH, 1000)).isEqualTo("More than 1,000 tasks");
        assertThat(provider.getTranslation("inbox.total.more", Locale.forLanguageTag("nl"), 1000)).isEqualTo("Meer dan 1.000 taken");
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    /** A key prefix handed to a screen that appends the rest (e.g. {@code vog.chase} + {@code .outcome}). */
    private boolean isPrefixOfKeys(String prefix) {
        return dutch.stringPropertyNames().stream().anyMatch(key -> key.startsWith(prefix + "."));
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
