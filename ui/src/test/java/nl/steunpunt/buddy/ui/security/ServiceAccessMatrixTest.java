package nl.steunpunt.buddy.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.ui.TestWorld;

/**
 * The service half of the access matrix: every public method of every module's API bean, called as
 * every role (and as nobody) on a subject of the caller's own region and of another region, compared
 * with the policy written down in {@code access/service-policy.csv}. The methods are found in the
 * application context, not listed here, so a new service method without a policy line fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccessMatrixTest extends ApplicationTest {

    static final String ROOT = "nl.steunpunt.buddy.";

    /**
     * The module packages whose top-level package is an API: every module Spring Modulith finds (a new
     * module is in the matrix without anyone listing it), except the screens themselves.
     */
    static final List<String> MODULES = java.util.stream.Stream.concat(
            org.springframework.modulith.core.ApplicationModules.of(nl.steunpunt.buddy.BuddyApplication.class).stream()
                    .map(module -> module.getBasePackage().getName().substring(ROOT.length())),
            java.util.stream.Stream.of("shared"))
            .filter(name -> !name.equals("ui")).distinct().sorted().toList();
    static final Path REPORT = Path.of("target", "access", "service-matrix.md");

    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestWorld world;
    @Autowired AccessFixtures fixtures;

    /** How a method's subject is chosen for the two columns. */
    enum Kind {
        /** own: a subject in the caller's region; other: one in another region. */
        REGION,
        /** own: the buddy's own; other: another buddy's in the same region. */
        SELF,
        /** A public form or personal link: anonymous callers allowed. */
        PUBLIC,
        /** Called by the engine, listeners or anonymisation only: not invoked, and no view may call it. */
        SYSTEM
    }

    /** The callers of the matrix: each role as an account of region A, and nobody. */
    enum Caller {
        COORDINATOR, TRAINER, MANAGER, BUDDY, FACILITATOR, ADMIN, ANONYMOUS
    }

    enum Outcome {
        ALLOW, DENY, ERROR
    }

    record Policy(String key, Kind kind, Set<Caller> own, Set<Caller> other, String why) {
    }

    /** An enumerated service method and the bean to call it on. */
    record Target(String key, Object bean, Method method) {
    }

    record Observation(Outcome outcome, String detail) {
    }

    @Test
    void every_public_service_method_lets_in_exactly_whom_the_policy_names() throws IOException {
        Map<String, Target> targets = enumerate();
        Map<String, Policy> policy = policy();
        List<String> problems = new ArrayList<>();
        targets.keySet().stream().filter(k -> !policy.containsKey(k)).forEach(k -> problems.add("no policy line: " + k));
        policy.keySet().stream().filter(k -> !targets.containsKey(k)).forEach(k -> problems.add("policy line without a method: " + k));

        AccessFixtures.World fixture = fixtures.world();
        StringBuilder table = new StringBuilder("# Service access matrix\n\n")
                .append("Generated by ServiceAccessMatrixTest. Own: a subject of the caller's region (SELF: the buddy's own); ")
                .append("other: of another region (SELF: another buddy's in the same region). Expected / observed.\n\n")
                .append("| method | kind | caller | own expected | own observed | other expected | other observed |\n")
                .append("|---|---|---|---|---|---|---|\n");
        int methods = 0;
        int system = 0;
        int cells = 0;
        int matches = 0;
        for (Target target : targets.values()) {
            Policy rule = policy.getOrDefault(target.key(),
                    new Policy(target.key(), Kind.REGION, EnumSet.noneOf(Caller.class), EnumSet.noneOf(Caller.class), "no policy line"));
            methods++;
            if (rule.kind() == Kind.SYSTEM) {
                system++;
                table.append("| `").append(target.key()).append("` | SYSTEM | — | not called | | | |\n");
                continue;
            }
            for (Caller caller : Caller.values()) {
                StringBuilder row = new StringBuilder("| `" + target.key() + "` | " + rule.kind() + " | " + caller);
                for (boolean own : new boolean[] { true, false }) {
                    Outcome expected = (own ? rule.own() : rule.other()).contains(caller) ? Outcome.ALLOW : Outcome.DENY;
                    Observation seen = observe(target, caller, fixture.subject(rule.kind(), own));
                    cells++;
                    if (seen.outcome() == expected) {
                        matches++;
                    } else {
                        problems.add("%s as %s on %s: expected %s, observed %s %s".formatted(target.key(), caller, own ? "own" : "other",
                                expected, seen.outcome(), seen.detail()));
                    }
                    row.append(" | ").append(expected).append(" | ").append(seen.outcome() == expected ? "" : "**")
                            .append(seen.outcome()).append(seen.detail().isEmpty() ? "" : " (" + seen.detail() + ")")
                            .append(seen.outcome() == expected ? "" : "**");
                }
                table.append(row).append(" |\n");
            }
        }
        String totals = "methods %d (SYSTEM %d, invoked %d), cells %d, matches %d, mismatches %d".formatted(methods, system,
                methods - system, cells, matches, cells - matches);
        table.append("\nTotals: ").append(totals).append("\n");
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, table, StandardCharsets.UTF_8);
        System.out.println("Service access matrix: " + totals + " — " + REPORT.toAbsolutePath());
        assertThat(problems).as("service access matrix (%s), see %s", totals, REPORT).isEmpty();
    }

    @Test
    void no_view_calls_a_method_that_only_the_system_may_call() {
        Set<String> systemKeys = policy().values().stream().filter(p -> p.kind() == Kind.SYSTEM).map(Policy::key)
                .collect(Collectors.toSet());
        JavaClasses ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.steunpunt.buddy.ui");
        List<String> calls = new ArrayList<>();
        for (JavaClass view : ui) {
            String pkg = view.getPackageName();
            if (pkg.startsWith("nl.steunpunt.buddy.ui.demo") || pkg.startsWith("nl.steunpunt.buddy.ui.security")
                    || pkg.startsWith("nl.steunpunt.buddy.ui.config")) {
                continue;
            }
            for (JavaMethodCall call : view.getMethodCallsFromSelf()) {
                String key = call.getTargetOwner().getSimpleName() + "#" + call.getName() + "(" + call.getTarget().getRawParameterTypes()
                        .stream().map(JavaClass::getSimpleName).collect(Collectors.joining(",")) + ")";
                if (systemKeys.contains(key)) {
                    calls.add(view.getSimpleName() + " calls " + key);
                }
            }
        }
        assertThat(systemKeys).isNotEmpty();
        assertThat(calls).as("views calling methods the policy reserves for the system").isEmpty();
    }

    // ---- enumeration ----------------------------------------------------------------------------

    /**
     * Every public method of every bean in a module's API package, and every method of a module API
     * interface that a bean elsewhere (a module's internals, the ui) implements; by key.
     */
    Map<String, Target> enumerate() {
        return enumerate(context);
    }

    /** The same, in any application context (the bad-input corpus walks the same methods). */
    static Map<String, Target> enumerate(ApplicationContext context) {
        Map<String, Target> targets = new TreeMap<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !ClassUtils.getUserClass(type).getName().startsWith(ROOT)) {
                continue;
            }
            Object bean = context.getBean(name);
            Class<?> target = AopUtils.getTargetClass(bean);
            if (target.isAnnotationPresent(Configuration.class) || target.isAnnotationPresent(ConfigurationProperties.class)) {
                continue; // configuration values, not services
            }
            if (isApi(target)) {
                for (Method method : target.getDeclaredMethods()) {
                    if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()
                            && !method.isBridge()) {
                        add(targets, new Target(key(target, method), bean, method));
                    }
                }
            } else {
                for (Class<?> api : ClassUtils.getAllInterfacesForClassAsSet(target)) {
                    if (isApi(api)) {
                        for (Method method : api.getMethods()) {
                            if (!Modifier.isStatic(method.getModifiers())) {
                                add(targets, new Target(key(api, method), bean, method));
                            }
                        }
                    }
                }
            }
        }
        return targets;
    }

    private static void add(Map<String, Target> targets, Target target) {
        Target before = targets.put(target.key(), target);
        if (before != null && before.bean() != target.bean()) {
            throw new IllegalStateException("Two beans answer to " + target.key() + ": give the policy a way to tell them apart");
        }
    }

    static boolean isApi(Class<?> type) {
        return MODULES.stream().anyMatch(m -> type.getPackageName().equals(ROOT + m));
    }

    static String key(Class<?> owner, Method method) {
        return owner.getSimpleName() + "#" + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    // ---- policy ---------------------------------------------------------------------------------

    static Map<String, Policy> policy() {
        Map<String, Policy> policy = new LinkedHashMap<>();
        try (InputStream in = ServiceAccessMatrixTest.class.getResourceAsStream("/access/service-policy.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", 5);
                if (f.length < 5 || f[4].isBlank()) {
                    throw new IllegalStateException("A policy line needs key;kind;own;other;why: " + line);
                }
                Policy p = new Policy(f[0].strip(), Kind.valueOf(f[1].strip()), callers(f[2]), callers(f[3]), f[4].strip());
                if (policy.put(p.key(), p) != null) {
                    throw new IllegalStateException("Two policy lines for " + p.key());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return policy;
    }

    private static Set<Caller> callers(String field) {
        String value = field.strip();
        if (value.equals("-")) {
            return EnumSet.noneOf(Caller.class);
        }
        return Arrays.stream(value.split(",")).map(String::strip).map(Caller::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Caller.class)));
    }

    // ---- observation ----------------------------------------------------------------------------

    /** Calls the method as this caller in a transaction that is always rolled back. */
    Observation observe(Target target, Caller caller, AccessFixtures.Subject subject) {
        Object[] arguments;
        try {
            arguments = fixtures.arguments(target.method(), subject);
        } catch (RuntimeException e) {
            return new Observation(Outcome.ERROR, "no arguments: " + e.getMessage());
        }
        Method method = target.method();
        method.setAccessible(true);
        Throwable failure = rolledBack(transactions, world, caller == Caller.ANONYMOUS ? null : fixtures.world().account(caller),
                () -> method.invoke(target.bean(), arguments));
        return failure == null ? new Observation(Outcome.ALLOW, "") : classify(failure);
    }

    /** A call that may throw anything. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /**
     * Runs the call signed in as this account (null: a visitor) in a transaction that is always rolled
     * back; returns what it threw (unwrapped from reflection), or null when it returned.
     */
    static Throwable rolledBack(PlatformTransactionManager transactions, TestWorld world, String account, Call call) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        try {
            if (account == null) {
                SecurityContextHolder.clearContext();
            } else {
                world.signIn(account);
            }
            return transaction.execute(status -> {
                status.setRollbackOnly();
                try {
                    call.run();
                    return null;
                } catch (InvocationTargetException e) {
                    return e.getCause();
                } catch (Exception e) {
                    return e;
                }
            });
        } catch (RuntimeException e) {
            return e;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static Observation classify(Throwable e) {
        String name = e.getClass().getSimpleName() + (e instanceof TranslatableException t ? " " + t.messageKey() : "");
        if (e instanceof AccessDeniedException || e instanceof NotFoundException
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof AuthenticationCredentialsNotFoundException) {
            return new Observation(Outcome.DENY, name);
        }
        if (e instanceof TranslatableException || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            return new Observation(Outcome.ALLOW, name);
        }
        return new Observation(Outcome.ERROR, e.toString().lines().findFirst().orElse(name));
    }

}
