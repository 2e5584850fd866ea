package nl.steunpunt.buddy.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.ServiceAccessMatrixTest.Caller;
import nl.steunpunt.buddy.ui.security.ServiceAccessMatrixTest.Kind;
import nl.steunpunt.buddy.ui.security.ServiceAccessMatrixTest.Policy;
import nl.steunpunt.buddy.ui.security.ServiceAccessMatrixTest.Target;

/**
 * Every text that reaches a service, public or internal, replaced in turn by every entry of the
 * {@link BadInput} corpus: a direct {@code String} parameter, a text component of a record parameter
 * (a form), or a set of texts. The methods are those of the service access matrix (found in the
 * context, not listed), called as a caller the policy admits, on a subject of her own, in a
 * transaction that is flushed (so the database has its say) and rolled back. Each call must either
 * succeed or be refused with a message key that both language bundles translate; anything else is
 * what a user would see as "unexpected error", and fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest extends ApplicationTest {

    static final Path REPORT = Path.of("target", "reliability", "bad-input.md");

    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestWorld world;
    @Autowired AccessFixtures fixtures;
    @PersistenceContext EntityManager entityManager;

    /** Where one text goes in a method's arguments. */
    record Slot(int parameter, int component, boolean set, String label) {
    }

    enum Outcome {
        ACCEPTED, REFUSED, ERROR
    }

    @Test
    void every_service_refuses_bad_text_with_a_translated_message_or_takes_it_as_given() throws IOException {
        Properties dutch = bundle("/i18n/messages.properties");
        Properties english = bundle("/i18n/messages_en.properties");
        Map<String, Target> targets = ServiceAccessMatrixTest.enumerate(context);
        Map<String, Policy> policy = ServiceAccessMatrixTest.policy();
        AccessFixtures.World fixture = fixtures.world();

        List<String> problems = new ArrayList<>();
        Map<String, int[]> perMethod = new TreeMap<>();
        int calls = 0;
        int accepted = 0;
        int refused = 0;
        for (Target target : targets.values()) {
            Policy rule = policy.get(target.key());
            if (rule == null || rule.kind() == Kind.SYSTEM) {
                continue;
            }
            Caller caller = caller(rule);
            if (caller == null) {
                continue;
            }
            AccessFixtures.Subject subject = fixture.subject(rule.kind(), true);
            Object[] valid = fixtures.arguments(target.method(), subject);
            List<Slot> slots = slots(target.method(), valid);
            if (slots.isEmpty()) {
                continue;
            }
            int[] counts = perMethod.computeIfAbsent(target.key(), k -> new int[3]);
            for (Slot slot : slots) {
                for (Map.Entry<String, String> bad : BadInput.CORPUS.entrySet()) {
                    calls++;
                    String where = "%s %s ← %s as %s".formatted(target.key(), slot.label(), bad.getKey(), caller);
                    Throwable failure;
                    try {
                        Object[] arguments = with(valid, slot, bad.getValue());
                        failure = call(target, caller, fixture, arguments);
                    } catch (InvocationTargetException e) {
                        failure = e.getCause(); // the form itself refused to be built
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(where, e);
                    }
                    Outcome outcome = outcome(failure, dutch, english);
                    counts[outcome.ordinal()]++;
                    switch (outcome) {
                        case ACCEPTED -> accepted++;
                        case REFUSED -> refused++;
                        case ERROR -> problems.add(where + ": " + describe(failure, dutch, english));
                    }
                }
            }
        }

        StringBuilder report = new StringBuilder("# Bad-input corpus against every service\n\n")
                .append("Generated by BadInputCorpusTest: ").append(BadInput.CORPUS.size()).append(" corpus entries (")
                .append(String.join(", ", BadInput.CORPUS.keySet())).append(").\n\n")
                .append("| method | accepted | refused (translated) | errors |\n|---|---|---|---|\n");
        perMethod.forEach((key, c) -> report.append("| `").append(key).append("` | ").append(c[0]).append(" | ").append(c[1])
                .append(" | ").append(c[2]).append(" |\n"));
        String totals = "methods %d, calls %d, accepted %d, refused with a translated message %d, errors %d".formatted(perMethod.size(),
                calls, accepted, refused, problems.size());
        report.append("\nTotals: ").append(totals).append("\n");
        if (!problems.isEmpty()) {
            report.append("\n## Errors\n\n");
            problems.forEach(p -> report.append("- ").append(p).append('\n'));
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        System.out.println("Bad-input corpus: " + totals + " — " + REPORT.toAbsolutePath());

        assertThat(perMethod).as("methods taking text").hasSizeGreaterThan(50);
        assertThat(problems).as("bad input answered with something other than a translated message (%s), see %s", totals, REPORT)
                .isEmpty();
    }

    /** A caller the policy admits on her own subject: the anonymous visitor for a public form, else the first role. */
    private static Caller caller(Policy rule) {
        if (rule.kind() == Kind.PUBLIC && rule.own().contains(Caller.ANONYMOUS)) {
            return Caller.ANONYMOUS;
        }
        return Arrays.stream(Caller.values()).filter(c -> c != Caller.ANONYMOUS && rule.own().contains(c)).findFirst().orElse(null);
    }

    /** The texts of a method's arguments: its String parameters, the text components of its records, its sets of texts. */
    static List<Slot> slots(Method method, Object[] valid) {
        List<Slot> slots = new ArrayList<>();
        Type[] types = method.getGenericParameterTypes();
        Class<?>[] classes = method.getParameterTypes();
        for (int i = 0; i < classes.length; i++) {
            String name = method.getParameters()[i].getName();
            if (classes[i] == String.class) {
                slots.add(new Slot(i, -1, false, name));
            } else if (isSetOfText(types[i])) {
                slots.add(new Slot(i, -1, true, name + "[]"));
            } else if (classes[i].isRecord() && valid[i] != null) {
                RecordComponent[] components = classes[i].getRecordComponents();
                for (int j = 0; j < components.length; j++) {
                    if (components[j].getType() == String.class) {
                        slots.add(new Slot(i, j, false, name + "." + components[j].getName()));
                    } else if (isSetOfText(components[j].getGenericType())) {
                        slots.add(new Slot(i, j, true, name + "." + components[j].getName() + "[]"));
                    }
                }
            }
        }
        return slots;
    }

    private static boolean isSetOfText(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Set.class && p.getActualTypeArguments()[0] == String.class;
    }

    /** The valid arguments with one text replaced; a record is built again through its canonical constructor. */
    static Object[] with(Object[] valid, Slot slot, String text) throws ReflectiveOperationException {
        Object[] arguments = valid.clone();
        Object value = slot.set() ? Set.of(text) : text;
        if (slot.component() < 0) {
            arguments[slot.parameter()] = value;
            return arguments;
        }
        Object record = valid[slot.parameter()];
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int j = 0; j < components.length; j++) {
            Method accessor = components[j].getAccessor();
            accessor.setAccessible(true);
            values[j] = accessor.invoke(record);
            types[j] = components[j].getType();
        }
        values[slot.component()] = value;
        Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
        constructor.setAccessible(true);
        arguments[slot.parameter()] = constructor.newInstance(values);
        return arguments;
    }

    /** Calls the method as this caller; flushes, so the database checks what was written; always rolls back. */
    private Throwable call(Target target, Caller caller, AccessFixtures.World fixture, Object[] arguments) {
        Method method = target.method();
        method.setAccessible(true);
        return ServiceAccessMatrixTest.rolledBack(transactions, world, caller == Caller.ANONYMOUS ? null : fixture.account(caller), () -> {
            method.invoke(target.bean(), arguments);
            entityManager.flush();
        });
    }

    private static Outcome outcome(Throwable failure, Properties dutch, Properties english) {
        if (failure == null) {
            return Outcome.ACCEPTED;
        }
        if (failure instanceof TranslatableException t && dutch.containsKey(t.messageKey()) && english.containsKey(t.messageKey())) {
            return Outcome.REFUSED;
        }
        return Outcome.ERROR;
    }

    private static String describe(Throwable failure, Properties dutch, Properties english) {
        if (failure instanceof TranslatableException t) {
            return "untranslated key " + t.messageKey() + (dutch.containsKey(t.messageKey()) ? " (no English)" : "");
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = String.valueOf(failure).lines().findFirst().orElse("");
        String last = String.valueOf(root).lines().findFirst().orElse("");
        String text = (first.equals(last) ? first : first + " ⇐ " + last).replaceAll("\\s+", " ");
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
