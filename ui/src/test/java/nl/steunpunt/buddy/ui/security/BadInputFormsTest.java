package nl.steunpunt.buddy.ui.security;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.isEffectivelyVisible;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.provider.HasDataView;
import com.vaadin.flow.data.selection.MultiSelect;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;

import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.KaribuTest;
import nl.steunpunt.buddy.ui.base.ErrorView;
import nl.steunpunt.buddy.ui.base.Outages;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;

/**
 * The bad-input corpus typed into the screens themselves: every screen with input fields (public
 * pages, staff screens, every task screen with a real task behind it), opened as a role that may use
 * it; every field found generically and filled — text fields with the {@link BadInput} entries, typed
 * fields (numbers, dates, times) with what the browser sends when the typed text did not parse (the
 * {@code unparsable-change} event with the typed text in {@code _inputElementValue}, exactly as
 * Vaadin's own client does) and with out-of-range values — then every action button pressed. Each
 * submission runs in a transaction that is rolled back, so a task screen can be submitted again and
 * again; what the action wrote is read from PostgreSQL's own per-transaction counters. A submission
 * must end either refused with a message from the bundles and nothing written, or written and
 * shown escaped (never as HTML); an exception that is not a translated one, the "unexpected error"
 * message, the error page, a raw key or a half-save fail the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFormsTest extends KaribuTest {

    static final Path REPORT = Path.of("target", "reliability", "bad-input-forms.md");

    /** The text entries every text field gets, each in a submission of its own. */
    static final List<String> TEXTS = List.of("oversized 1M", "nul byte", "right-to-left override", "script tag", "engine expression",
            "juel method call", "sql drop");

    /** The rounds a button other than the form's primary one gets (its fields get every round through the primary one). */
    static final Set<Integer> SECONDARY_ROUNDS = Set.of(1, 3);

    /** What a typed field gets in the same submission: the text typed that did not parse, or a value out of range. */
    enum Typed {
        MALFORMED, LOW, HIGH
    }

    enum Outcome {
        REFUSED, STORED, NO_EFFECT, ERROR
    }

    /** One screen to drive: who opens it, where, and which screen it must be. */
    record Visit(String user, String location, Class<?> screen) {
    }

    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient db;
    @Autowired AccessFixtures fixtures;
    @Autowired FormScenes scenes;
    @Autowired PublicFormLimiter limiter;
    @PersistenceContext EntityManager entityManager;

    private final List<Pattern> translations = new ArrayList<>();
    private Pattern unexpected;

    @Test
    void every_form_refuses_bad_input_with_a_translated_message_or_stores_it_escaped() throws IOException {
        loadBundle();
        Map<String, Class<?>> routes = routes();
        Map<String, Set<RouteAccessMatrixTest.Visitor>> policy = RouteAccessMatrixTest.policy();
        List<Visit> visits = new ArrayList<>();
        for (List<Visit> alternatives : scenes.routeVisits(routes, policy)) {
            best(alternatives).ifPresent(visits::add);
        }
        visits.addAll(scenes.taskVisits(routes));

        Map<Class<?>, int[]> perScreen = new TreeMap<>((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()));
        Map<Class<?>, Set<String>> fieldsPerScreen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int submissions = 0;
        long started = System.nanoTime();
        for (Visit visit : visits) {
            long t0 = System.nanoTime();
            openApp(visit);
            Probe probe = probe(visit);
            if (probe.fields().isEmpty()) {
                continue;
            }
            if (probe.problem() != null) {
                problems.add(visit.screen().getSimpleName() + " " + visit.location() + ": " + probe.problem());
                continue;
            }
            fieldsPerScreen.put(visit.screen(), new LinkedHashSet<>(probe.fields()));
            int[] counts = perScreen.computeIfAbsent(visit.screen(), k -> new int[Outcome.values().length]);
            for (int round = 0; round < TEXTS.size(); round++) {
                String name = TEXTS.get(round);
                Typed typed = Typed.values()[round % Typed.values().length];
                // No button: the fields act on their own (filters); one submission with none pressed.
                for (int button = probe.buttons().isEmpty() ? -1 : 0; button < probe.buttons().size(); button++) {
                    if (button >= 0 && !probe.primary().get(button) && !SECONDARY_ROUNDS.contains(round)) {
                        continue;
                    }
                    submissions++;
                    Result result = submit(visit, round, typed, button);
                    counts[result.outcome().ordinal()]++;
                    if (result.outcome() == Outcome.ERROR) {
                        problems.add("%s [%s] ← %s / typed %s, button '%s': %s".formatted(visit.screen().getSimpleName(), visit.location(),
                                name, typed, button < 0 ? "none" : probe.buttons().get(button), result.detail()));
                        System.out.println("BadInputFormsTest problem: " + problems.get(problems.size() - 1));
                    }
                }
            }
            closeApp();
            System.out.printf("BadInputFormsTest: %s as %s, %d fields, %d buttons, %d ms%n", visit.screen().getSimpleName(), visit.user(),
                    probe.fields().size(), probe.buttons().size(), (System.nanoTime() - t0) / 1_000_000);
        }
        System.out.printf("BadInputFormsTest: all screens in %d s%n", (System.nanoTime() - started) / 1_000_000_000);

        int fields = fieldsPerScreen.values().stream().mapToInt(Set::size).sum();
        int[] totals = new int[Outcome.values().length];
        perScreen.values().forEach(c -> {
            for (int i = 0; i < c.length; i++) {
                totals[i] += c[i];
            }
        });
        String summary = "screens %d, fields %d, submissions %d, refused with a translated message %d, stored (shown escaped) %d, no effect %d, errors %d"
                .formatted(perScreen.size(), fields, submissions, totals[0], totals[1], totals[2], problems.size());
        StringBuilder report = new StringBuilder("# Bad-input corpus typed into every form\n\nGenerated by BadInputFormsTest. Text entries: ")
                .append(String.join(", ", TEXTS)).append("; typed fields: malformed text (unparsable-change), low, high.\n\n")
                .append("| screen | fields | refused | stored | no effect | errors |\n|---|---|---|---|---|---|\n");
        perScreen.forEach((screen, c) -> report.append("| ").append(screen.getSimpleName()).append(" | ")
                .append(String.join(", ", fieldsPerScreen.get(screen))).append(" | ").append(c[0]).append(" | ").append(c[1]).append(" | ")
                .append(c[2]).append(" | ").append(c[3]).append(" |\n"));
        report.append("\nTotals: ").append(summary).append('\n');
        if (!problems.isEmpty()) {
            report.append("\n## Errors\n\n");
            problems.forEach(p -> report.append("- ").append(p).append('\n'));
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        System.out.println("Bad input through the forms: " + summary + " — " + REPORT.toAbsolutePath());

        // The guard: every screen that shows input fields must have been driven here.
        Set<String> missing = new TreeSet<>();
        for (var route : routes.entrySet()) {
            if (!fieldsPerScreen.containsKey(route.getValue()) && hasFields(route.getKey(), route.getValue(), policy)) {
                missing.add(route.getValue().getSimpleName() + " /" + route.getKey());
            }
        }
        assertThat(missing).as("screens with input fields that BadInputFormsTest does not drive (add a visit in FormScenes); tasks that could not be made: %s",
                scenes.taskFailures()).isEmpty();

        assertThat(problems).as("bad input typed into the screens answered otherwise than refused-with-a-translated-message or stored-escaped (%s), see %s",
                summary, REPORT).isEmpty();
        assertThat(totals[Outcome.REFUSED.ordinal()]).as("refusals").isPositive();


    }

    /** Of the roles that may open a screen, the one shown the most fields (the facilitator plans, the coordinator follows). */
    private Optional<Visit> best(List<Visit> alternatives) {
        Visit best = null;
        int most = 0;
        for (Visit visit : alternatives) {
            openApp(visit);
            try {
                int fields = probe(visit).fields().size();
                if (fields > most) {
                    most = fields;
                    best = visit;
                }
            } finally {
                closeApp();
            }
        }
        return Optional.ofNullable(best);
    }

    private Map<String, Class<?>> routes() {
        openAppAnonymously();
        Map<String, Class<?>> routes = new TreeMap<>();
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            routes.put(route.getTemplate(), route.getNavigationTarget());
        }
        closeApp();
        return routes;
    }

    /**
     * Whether a screen takes input: every task screen does; any other screen when it shows a field, opened
     * by each role the policy lets in (route parameters an ID that exists nowhere).
     */
    private boolean hasFields(String template, Class<?> screen, Map<String, Set<RouteAccessMatrixTest.Visitor>> policy) {
        String key = RouteAccessMatrixTest.policyKey(template);
        if (key.startsWith("taken/")) {
            return true;
        }
        for (RouteAccessMatrixTest.Visitor visitor : policy.getOrDefault(key, Set.of())) {
            String user = visitor == RouteAccessMatrixTest.Visitor.ANONYMOUS ? null
                    : fixtures.world().account(ServiceAccessMatrixTest.Caller.valueOf(visitor.name()));
            Visit visit = new Visit(user, RouteAccessMatrixTest.location(template), screen);
            openApp(visit);
            try {
                if (!probe(visit).fields().isEmpty()) {
                    return true;
                }
            } finally {
                closeApp();
            }
        }
        return false;
    }

    // ---- one screen ------------------------------------------------------------------------------

    /** A screen's fields and buttons; primary: whether each button is the form's main action (all are, when none is marked). */
    record Probe(List<String> fields, List<String> buttons, List<Boolean> primary, String problem) {
    }

    record Result(Outcome outcome, String detail) {
    }

    /** Opens the screen once: its fields and its action buttons. */
    private Probe probe(Visit visit) {
        return inRolledBack(() -> {
            navigate(visit);
            Component view = view();
            if (!visit.screen().isInstance(view)) {
                return new Probe(List.of(), List.of(), List.of(), "opened " + (view == null ? "nothing" : view.getClass().getSimpleName()));
            }
            // Some fields show only once a choice is made (the public help request asks who you are first).
            List<Component> filled;
            try {
                filled = fillAll(view, "Tekst", Typed.LOW, 0, new ArrayList<>());
            } catch (RuntimeException e) {
                filled = fields(view);
            }
            List<String> fields = filled.stream().map(BadInputFormsTest::describe).toList();
            List<Button> found = buttons(view);
            List<String> buttons = found.stream().map(BadInputFormsTest::describe).toList();
            boolean marked = found.stream().anyMatch(b -> b.getThemeNames().contains("primary"));
            List<Boolean> primary = found.stream().map(b -> !marked || b.getThemeNames().contains("primary")).toList();
            return new Probe(fields, buttons, primary, null);
        });
    }

    /** Opens the screen, fills every field for this round, presses one button; judges what happened. */
    private Result submit(Visit visit, int round, Typed typed, int button) {
        String text = BadInput.CORPUS.get(TEXTS.get(round));
        return inRolledBack(() -> {
            navigate(visit);
            Component view = view();
            entityManager.flush();
            long before = writes();
            Throwable thrown = null;
            List<String> unparsed = new ArrayList<>();
            boolean[] pressedPrimary = { false };
            try {
                // Typing is a client event too: a field's listener may act on it (a search, a dependent choice).
                fillAll(view, text, typed, round, unparsed);
                List<Button> buttons = buttons(view);
                Button pressed = button < 0 || button >= buttons.size() ? null : buttons.get(button);
                if (pressed != null && pressed.isAttached() && pressed.isEnabled() && isEffectivelyVisible(pressed)) {
                    pressedPrimary[0] = pressed.getThemeNames().contains("primary");
                    pressed.click();
                    for (Dialog dialog : openDialogs()) {
                        fillAll(dialog, text, typed, round, unparsed);
                        Optional<Button> confirm = buttons(dialog).stream().filter(b -> b.getThemeNames().contains("primary")).findFirst();
                        if (confirm.isPresent()) {
                            confirm.get().click();
                        }
                    }
                }
                entityManager.flush();
            } catch (Throwable e) {
                thrown = unwrap(e);
            }
            // Only the form's own action answers for its typed fields; claiming or a note leaves them be.
            return judge(text, thrown, before, pressedPrimary[0] ? unparsed : List.of());
        });
    }

    /** Karibu sets a value by reflection: the field's own exception is the cause. */
    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof java.lang.reflect.InvocationTargetException || current instanceof java.lang.reflect.UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private Result judge(String text, Throwable thrown, long before, List<String> unparsed) {
        if (thrown != null) {
            TranslatableException translatable = find(thrown);
            if (translatable == null || !translated(UI.getCurrent().getTranslation(translatable.messageKey(), translatable.arguments()))) {
                return new Result(Outcome.ERROR, "escaped " + oneLine(thrown));
            }
            // The session's error handler shows this one translated; nothing may have been written.
            return writesSince(before) > 0 ? new Result(Outcome.ERROR, "half-save before " + translatable.messageKey())
                    : new Result(Outcome.REFUSED, translatable.messageKey());
        }
        if (UI.getCurrent().getCurrentView() instanceof ErrorView) {
            return new Result(Outcome.ERROR, "the error page");
        }
        List<String> messages = new ArrayList<>();
        for (Notification n : NotificationsKt.getNotifications()) {
            messages.add(notificationText(n));
        }
        List<String> fieldErrors = new ArrayList<>();
        for (Component c : _find(UI.getCurrent(), Component.class)) {
            if (c instanceof HasValidationProperties v && c instanceof HasValue<?, ?> && v.isInvalid() && v.getErrorMessage() != null
                    && !v.getErrorMessage().isBlank()) {
                fieldErrors.add(v.getErrorMessage());
            }
        }
        for (String m : Stream.concat(messages.stream(), fieldErrors.stream()).toList()) {
            if (unexpected.matcher(m).matches()) {
                return new Result(Outcome.ERROR, "unexpected error: " + m);
            }
            if (!translated(m)) {
                return new Result(Outcome.ERROR, "message not from the bundles: " + abbreviate(m));
            }
        }
        String unescaped = unescaped(text);
        if (unescaped != null) {
            return new Result(Outcome.ERROR, unescaped);
        }
        long written = writesSince(before);
        boolean error = messages.stream().anyMatch(m -> !isSuccess(m)) || !fieldErrors.isEmpty();
        // A button that opened a task (and claimed it) did not save the form its typed fields belong to.
        if (written > 0 && !unparsed.isEmpty() && !(UI.getCurrent().getCurrentView() instanceof TaskScreen)) {
            return new Result(Outcome.ERROR, "saved although the typed text of " + unparsed + " did not parse (dropped without a word)");
        }
        if (written > 0) {
            return error && hasErrorNotification() ? new Result(Outcome.ERROR, "half-save: " + written + " rows written and refused")
                    : new Result(Outcome.STORED, written + " rows");
        }
        return error ? new Result(Outcome.REFUSED, String.join(" / ", messages) + String.join(" / ", fieldErrors))
                : new Result(Outcome.NO_EFFECT, "");
    }

    private static boolean hasErrorNotification() {
        return NotificationsKt.getNotifications().stream().anyMatch(n -> n.getThemeNames().contains("error"));
    }

    private static boolean isSuccess(String message) {
        return NotificationsKt.getNotifications().stream().anyMatch(n -> n.getThemeNames().contains("success") && notificationText(n).equals(message));
    }

    /** A stored text shown as HTML: an {@link Html} component or an inner-HTML property carrying the markup. */
    private static String unescaped(String text) {
        if (!text.contains("<")) {
            return null;
        }
        for (Html html : _find(UI.getCurrent(), Html.class)) {
            if (html.getInnerHtml().contains("<script") || html.getInnerHtml().contains("onerror")) {
                return "shown as HTML in " + describe(html);
            }
        }
        Deque<Element> todo = new ArrayDeque<>(List.of(UI.getCurrent().getElement()));
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            String inner = e.getProperty("innerHTML");
            if (inner != null && (inner.contains("<script") || inner.contains("onerror"))) {
                return "innerHTML of <" + e.getTag() + "> carries the markup";
            }
            e.getChildren().forEach(todo::push);
        }
        return null;
    }

    private static String notificationText(Notification n) {
        String text = n.getElement().getProperty("text");
        if (text != null && !text.isEmpty()) {
            return text;
        }
        return n.getChildren().map(c -> c.getElement().getTextRecursively()).collect(Collectors.joining(" ")).strip();
    }

    // ---- fields and buttons ----------------------------------------------------------------------

    /** The input fields of a screen, found generically: every visible, enabled, writable {@link HasValue}. */
    static List<Component> fields(Component root) {
        return _find(root, Component.class).stream()
                .filter(c -> c instanceof HasValue<?, ?> v && !v.isReadOnly())
                .filter(c -> c.getElement().isEnabled() && isEffectivelyVisible(c))
                .filter(c -> !c.getClass().getName().startsWith("com.vaadin.flow.component.datetimepicker.DateTimePicker")
                        || c instanceof DateTimePicker)
                .filter(c -> !(c instanceof HasValue<?, ?> && c.getParent().map(p -> p instanceof DateTimePicker).orElse(false)))
                .toList();
    }

    /** The buttons of a screen (not of the menu around it) that can be pressed. */
    static List<Button> buttons(Component root) {
        return _find(root, Button.class).stream().filter(b -> b.isEnabled() && isEffectivelyVisible(b)).toList();
    }

    private static List<Dialog> openDialogs() {
        return _find(UI.getCurrent(), Dialog.class).stream().filter(Dialog::isOpened).toList();
    }

    /** Fills every field of the root, then those a choice made visible, until no new one appears; returns them all. */
    static List<Component> fillAll(Component root, String text, Typed typed, int round, List<String> unparsed) {
        List<Component> filled = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            List<Component> fresh = fields(root).stream().filter(f -> filled.stream().noneMatch(g -> g == f)).toList();
            if (fresh.isEmpty()) {
                break;
            }
            unparsed.addAll(fill(fresh, text, typed, round));
            filled.addAll(fresh);
        }
        return filled;
    }

    /** Fills every field: texts with the entry, typed fields as the browser would send them, choices with a valid one. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    static List<String> fill(List<Component> fields, String text, Typed typed, int round) {
        List<String> unparsed = new ArrayList<>();
        for (Component c : fields) {
            if (typed == Typed.MALFORMED && (c instanceof DatePicker || c instanceof TimePicker || c instanceof DateTimePicker
                    || c instanceof IntegerField || c instanceof NumberField || c instanceof BigDecimalField)) {
                unparsed.add(describe(c));
            }
            HasValue field = (HasValue) c;
            try {
                if (c instanceof Checkbox box) {
                    _setValue(box, true);
                } else if (c instanceof DatePicker picker) {
                    switch (typed) {
                        case MALFORMED -> unparsable(picker, List.of("2026-13-45", "31-02-2026", "gisteren", "9999999-01-01").get(round % 4));
                        case LOW -> _setValue(picker, LocalDate.of(1, 1, 1));
                        case HIGH -> _setValue(picker, LocalDate.of(9999, 12, 31));
                    }
                } else if (c instanceof TimePicker picker) {
                    switch (typed) {
                        case MALFORMED -> unparsable(picker, List.of("25:61", "half acht", "-1:00", "99:99:99").get(round % 4));
                        case LOW -> _setValue(picker, LocalTime.MIDNIGHT);
                        case HIGH -> _setValue(picker, LocalTime.MAX);
                    }
                } else if (c instanceof DateTimePicker picker) {
                    switch (typed) {
                        case MALFORMED -> {
                            picker.getChildren().forEach(child -> child.getElement().setProperty("_inputElementValue", "2026-13-45"));
                            unparsable(picker, "2026-13-45T25:61");
                        }
                        case LOW -> _setValue(picker, LocalDateTime.of(1, 1, 1, 0, 0));
                        case HIGH -> _setValue(picker, LocalDateTime.of(9999, 12, 31, 23, 59));
                    }
                } else if (c instanceof IntegerField number) {
                    switch (typed) {
                        case MALFORMED -> unparsable(number, List.of("1e309", "12,5", "twaalf", "--1").get(round % 4));
                        case LOW -> _setValue(number, round % 2 == 0 ? -1 : Integer.MIN_VALUE);
                        case HIGH -> _setValue(number, Integer.MAX_VALUE);
                    }
                } else if (c instanceof NumberField number) {
                    switch (typed) {
                        case MALFORMED -> unparsable(number, List.of("1e309", "12,5,3", "twaalf", "--1").get(round % 4));
                        case LOW -> _setValue(number, -1e308);
                        case HIGH -> _setValue(number, 1e308);
                    }
                } else if (c instanceof BigDecimalField number) {
                    switch (typed) {
                        case MALFORMED -> number.getElement().setProperty("value", List.of("1e309x", "12,5,3", "twaalf", "--1").get(round % 4));
                        case LOW -> _setValue(number, new BigDecimal("-1"));
                        case HIGH -> _setValue(number, new BigDecimal("1e40"));
                    }
                } else if (field.getEmptyValue() instanceof String) {
                    _setValue(field, text);
                } else if (c instanceof HasDataView<?, ?, ?> choices && field.isEmpty()) {
                    Optional<?> first = choices.getGenericDataView().getItems().findFirst();
                    if (first.isPresent()) {
                        _setValue(field, c instanceof MultiSelect<?, ?> ? Set.of(first.get()) : first.get());
                    }
                }
            } catch (UnsupportedOperationException e) {
                // a choice without an in-memory list of items (fetched lazily): left as it is
            }
        }
        return unparsed;
    }

    /** What Vaadin's web component does when the typed text does not parse: the text stays in the input, the event says so. */
    private static void unparsable(Component field, String typed) {
        field.getElement().setProperty("_inputElementValue", typed);
        _fireDomEvent(field, "unparsable-change");
    }

    private static String describe(Component c) {
        String id = c.getId().orElse(null);
        String label = c.getElement().getProperty("label");
        String text = c instanceof Button b ? b.getText() : null;
        String name = id != null ? id : label != null && !label.isBlank() ? label : text != null && !text.isBlank() ? text : "?";
        return c.getClass().getSimpleName() + " " + name;
    }

    // ---- rolled back, as this user ---------------------------------------------------------------

    private void openApp(Visit visit) {
        if (visit.user() == null) {
            openAppAnonymously();
        } else {
            openAppAs(visit.user());
        }
    }

    /** A fresh instance of the screen: away to a page that does not exist, then back; no message or dialog left over. */
    private static void navigate(Visit visit) {
        UI.getCurrent().navigate("bad-input-forms-elsewhere");
        openDialogs().forEach(Dialog::close);
        NotificationsKt.clearNotifications();
        UI.getCurrent().navigate(visit.location());
    }

    private static Component view() {
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return chain.isEmpty() ? null : (Component) chain.get(0);
    }

    /** Runs in a transaction that is rolled back, the public form limiter as it was before. */
    private <T> T inRolledBack(Supplier<T> work) {
        List<Object> limits = snapshot();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        try {
            return transaction.execute(status -> {
                status.setRollbackOnly();
                return work.get();
            });
        } finally {
            restore(limits);
        }
    }

    /**
     * Rows inserted, updated or deleted in this transaction so far, as PostgreSQL counts them; not the
     * audit log, which records that a case file was looked at, not that anything was saved.
     */
    private long writes() {
        return db.sql("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables WHERE relname <> 'audit_log'")
                .query(Long.class).single();
    }

    private long writesSince(long before) {
        try {
            entityManager.flush();
            return writes() - before;
        } catch (RuntimeException e) {
            return Long.MAX_VALUE; // the transaction broke: a database error the screen did not catch
        }
    }

    // ---- the public form limiter: every submission here is one the limiter must not remember -----

    @SuppressWarnings("unchecked")
    private List<Object> snapshot() {
        synchronized (limiter) {
            Map<String, Deque<?>> byAddress = (Map<String, Deque<?>>) read("byAddress");
            Map<String, Deque<?>> copy = new LinkedHashMap<>();
            byAddress.forEach((k, v) -> copy.put(k, new ArrayDeque<>(v)));
            return List.of(copy, new ArrayDeque<>((Deque<?>) read("all")));
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void restore(List<Object> state) {
        synchronized (limiter) {
            Map byAddress = (Map) read("byAddress");
            byAddress.clear();
            byAddress.putAll((Map) state.get(0));
            Deque all = (Deque) read("all");
            all.clear();
            all.addAll((Collection) state.get(1));
        }
    }

    private Object read(String name) {
        try {
            Field field = PublicFormLimiter.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(limiter);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- messages --------------------------------------------------------------------------------

    /** Every message of the Dutch bundle as a pattern, its placeholders matching anything. */
    private void loadBundle() throws IOException {
        Properties dutch = new Properties();
        try (InputStream in = BadInputFormsTest.class.getResourceAsStream("/i18n/messages.properties")) {
            dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        translations.clear();
        for (String key : dutch.stringPropertyNames()) {
            translations.add(pattern(dutch.getProperty(key)));
        }
        unexpected = pattern(dutch.getProperty("error.unexpected"));
    }

    private static Pattern pattern(String message) {
        String[] parts = message.split("\\{[^}]*\\}", -1);
        return Pattern.compile(Stream.of(parts).map(p -> Pattern.quote(p.replace("''", "'"))).collect(Collectors.joining("(?s).*")),
                Pattern.DOTALL);
    }

    private boolean translated(String message) {
        return translations.stream().anyMatch(p -> p.matcher(message).matches());
    }

    private static TranslatableException find(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof TranslatableException t) {
                return t;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = (e == root ? e.toString() : e + " ⇐ " + root) + (Outages.databaseUnreachable(e) ? " (database)" : "");
        return abbreviate(text.replaceAll("\\s+", " "));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
