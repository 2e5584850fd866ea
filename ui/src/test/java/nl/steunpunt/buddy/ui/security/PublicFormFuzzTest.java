package nl.steunpunt.buddy.ui.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.ParentScores;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.NewApplication;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.ui.TestWorld;

/**
 * Jazzer fuzzes the handlers behind the public pages, as an anonymous visitor: the buddy application
 * form, the help-request form, the requester's withdrawal link and the parent's evaluation link. Every
 * input must be taken or refused with a message both language bundles translate; any other exception
 * is a finding. Each input runs in a transaction that is flushed and rolled back.
 * <p>
 * In the normal test run Jazzer replays the inputs kept in {@code PublicFormFuzzTestInputs/} (regression
 * mode). The surefire execution {@code fuzz} (ui/pom.xml) runs it with {@code JAZZER_FUZZ=1}: then it
 * fuzzes for the bounded time below, and a finding is written there as a new regression input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFormFuzzTest extends ApplicationTest {

    private static final List<RegionCode> REGIONS = List.of(TestWorld.REGION_A, TestWorld.REGION_B);
    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong TAKEN = new AtomicLong();

    @Autowired TestWorld world;
    @Autowired Applications applications;
    @Autowired HelpRequests helpRequests;
    @Autowired Closures closures;
    @Autowired PlatformTransactionManager transactions;
    @PersistenceContext EntityManager entityManager;

    private Properties dutch;
    private Properties english;

    @BeforeAll
    void setUp() throws IOException {
        world.ensure();
        dutch = bundle("/i18n/messages.properties");
        english = bundle("/i18n/messages_en.properties");
    }

    @AfterAll
    void report() {
        System.out.printf("Public form fuzzing: %d inputs, %d taken, %d refused with a translated message, 0 other answers%n",
                INPUTS.get(), TAKEN.get(), INPUTS.get() - TAKEN.get());
    }

    @FuzzTest(maxDuration = "60s")
    void public_forms_take_any_input_or_refuse_it_with_a_translated_message(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 4)) {
            case 0 -> answer(() -> applications.submit(application(data), uuid(data)));
            case 1 -> answer(() -> helpRequests.submit(helpRequest(data), uuid(data)));
            case 2 -> answer(() -> helpRequests.withdrawByLink(text(data), text(data)));
            case 3 -> answer(() -> helpRequests.byLink(text(data)));
            default -> answer(() -> {
                closures.submitParentEvaluation(text(data), new ParentScores(score(data), score(data), score(data)), text(data));
                return null;
            });
        }
    }

    private void answer(Supplier<Object> handler) {
        answer((Runnable) handler::get);
    }

    private void answer(Runnable handler) {
        INPUTS.incrementAndGet();
        SecurityContextHolder.clearContext();
        Throwable failure;
        try {
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            failure = transaction.execute(status -> {
                status.setRollbackOnly();
                try {
                    handler.run();
                    entityManager.flush();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            TAKEN.incrementAndGet();
            return;
        }
        if (failure instanceof TranslatableException t && dutch.containsKey(t.messageKey()) && english.containsKey(t.messageKey())) {
            return;
        }
        throw new AssertionError("A public form answered with something other than a translated message", failure);
    }

    private static NewApplication application(FuzzedDataProvider data) {
        return new NewApplication(text(data), text(data), email(data), text(data), region(data), enums(data, SchoolLevel.values()),
                enums(data, ProblemArea.values()), texts(data), data.consumeInt(-5, 60), text(data), data.consumeBoolean(), language(data));
    }

    private static NewHelpRequest helpRequest(FuzzedDataProvider data) {
        return new NewHelpRequest(data.consumeBoolean() ? null : data.pickValue(RequesterKind.values()), text(data), email(data), text(data),
                region(data), data.consumeBoolean() ? null : data.pickValue(SchoolLevel.values()), enums(data, ProblemArea.values()),
                language(data), data.consumeBoolean() ? null : data.pickValue(Urgency.values()),
                data.consumeBoolean() ? null : LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-4000, 4000)), text(data), text(data),
                text(data), data.consumeBoolean(), language(data));
    }

    /** Mostly short texts, sometimes a known-bad one from the corpus, sometimes nothing at all. */
    private static String text(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> null;
            case 1 -> data.pickValue(BadInput.CORPUS.values().toArray(String[]::new));
            default -> data.consumeString(data.consumeInt(0, 300));
        };
    }

    private static String email(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.consumeString(40) + "@example.org" : text(data);
    }

    private static String language(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(new String[] { "nl", "en", "ar", "tr" }) : text(data);
    }

    private static RegionCode region(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(REGIONS) : new RegionCode(data.consumeString(20) + "X");
    }

    private static Integer score(FuzzedDataProvider data) {
        return data.consumeBoolean() ? null : data.consumeInt(-2, 12);
    }

    private static UUID uuid(FuzzedDataProvider data) {
        return data.consumeBoolean() ? UUID.randomUUID() : new UUID(data.consumeLong(), data.consumeLong());
    }

    private static Set<String> texts(FuzzedDataProvider data) {
        Set<String> values = new HashSet<>();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            String value = text(data);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static <E> Set<E> enums(FuzzedDataProvider data, E[] all) {
        Set<E> values = new HashSet<>();
        for (int i = data.consumeInt(0, all.length); i > 0; i--) {
            values.add(data.pickValue(all));
        }
        return values;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PublicFormFuzzTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
