package nl.steunpunt.buddy.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;

import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.KaribuTest;
import nl.steunpunt.buddy.ui.TestWorld;

/**
 * The route half of the access matrix: every screen Vaadin has registered, opened by every role and
 * without signing in, against the policy written down in {@code access/route-policy.csv}. The list of
 * routes is taken from the running application, so a new screen without a policy line fails here.
 * A screen counts as opened when it became the current view; a refused visitor ends on the sign-in
 * page or the not-found page instead. Route parameters get an ID that exists nowhere: whether the
 * record behind a screen may be seen is the service layer's decision ({@link ServiceAccessMatrixTest}).
 * The whole matrix is written to {@code target/access/route-matrix.md}.
 */
class RouteAccessMatrixTest extends KaribuTest {

    /** Who visits: every role, each an account in region A, and a visitor without an account. */
    enum Visitor { ANONYMOUS, COORDINATOR, TRAINER, MANAGER, BUDDY, FACILITATOR, ADMIN }

    private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";

    @Autowired LocalAccounts accounts;

    @Test
    void every_role_opens_exactly_the_screens_the_policy_allows() throws IOException {
        Map<String, Set<Visitor>> policy = policy();
        Map<Visitor, String> users = accountsPerRole();

        openAppAnonymously();
        Map<String, Class<?>> routes = new TreeMap<>();
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            routes.put(route.getTemplate(), route.getNavigationTarget());
        }
        closeApp();

        assertThat(routes.keySet().stream().map(RouteAccessMatrixTest::policyKey).collect(Collectors.toSet()))
                .as("screens registered without a line in route-policy.csv (add one) — or lines for screens that no longer exist")
                .containsExactlyInAnyOrderElementsOf(policy.keySet());

        List<String> mismatches = new ArrayList<>();
        StringBuilder report = new StringBuilder("# Route access matrix\n\n| route | screen |");
        Arrays.stream(Visitor.values()).forEach(v -> report.append(' ').append(v).append(" |"));
        report.append("\n|---|---|").append("---|".repeat(Visitor.values().length)).append('\n');
        int cells = 0;
        for (var route : routes.entrySet()) {
            String key = policyKey(route.getKey());
            report.append("| `").append(key.isEmpty() ? "/" : key).append("` | ").append(route.getValue().getSimpleName()).append(" |");
            for (Visitor visitor : Visitor.values()) {
                boolean expected = policy.get(key).contains(visitor);
                boolean opened = opens(visitor, users.get(visitor), route.getKey(), route.getValue());
                cells++;
                report.append(' ').append(opened ? "open" : "refused").append(expected == opened ? "" : " ✗").append(" |");
                if (expected != opened) {
                    mismatches.add(visitor + " " + (opened ? "opened" : "was refused") + " /" + key + " (" + route.getValue().getSimpleName()
                            + "), the policy says " + (expected ? "open" : "refused"));
                }
            }
            report.append('\n');
        }
        report.append("\n").append(routes.size()).append(" routes × ").append(Visitor.values().length).append(" visitors = ")
                .append(cells).append(" cells, ").append(cells - mismatches.size()).append(" as the policy says.\n");
        Path out = Path.of("target", "access", "route-matrix.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.printf("Route access matrix: %d routes, %d cells, %d mismatches (%s)%n", routes.size(), cells, mismatches.size(), out.toAbsolutePath());

        assertThat(mismatches).as("cells where the app differs from route-policy.csv (see %s)", out.toAbsolutePath()).isEmpty();
        assertThat(cells).isEqualTo(policy.size() * Visitor.values().length);
    }

    private boolean opens(Visitor visitor, String username, String template, Class<?> target) {
        if (visitor == Visitor.ANONYMOUS) {
            openAppAnonymously();
        } else {
            openAppAs(username);
        }
        try {
            UI.getCurrent().navigate(location(template));
            return target.isInstance(UI.getCurrent().getCurrentView());
        } finally {
            closeApp();
        }
    }

    /** The route as a visitor types it: every parameter filled with an ID that exists nowhere. */
    static String location(String template) {
        return Arrays.stream(template.split("/"))
                .filter(segment -> !(segment.startsWith(":") && segment.endsWith("?")))
                .map(segment -> !segment.startsWith(":") ? segment : segment.contains("(") && segment.contains("\\d") ? "0" : UNKNOWN_ID)
                .collect(Collectors.joining("/"));
    }

    /** The route template with its parameters named alike: {@code taken/check-in/:___url_parameter} → {@code taken/check-in/:id}. */
    static String policyKey(String template) {
        return Arrays.stream(template.split("/"))
                .map(segment -> !segment.startsWith(":") ? segment : segment.endsWith("?") ? ":id?" : ":id")
                .collect(Collectors.joining("/"));
    }

    private Map<Visitor, String> accountsPerRole() {
        Map<Visitor, String> users = new LinkedHashMap<>();
        for (Visitor visitor : Visitor.values()) {
            if (visitor == Visitor.ANONYMOUS) {
                continue;
            }
            String username = "matrix." + visitor.name().toLowerCase();
            accounts.save(username, "Matrix " + visitor.name().toLowerCase(), TestWorld.PASSWORD, Set.of(Role.valueOf(visitor.name())),
                    Set.of(TestWorld.REGION_A));
            users.put(visitor, username);
        }
        return users;
    }

    static Map<String, Set<Visitor>> policy() throws IOException {
        Map<String, Set<Visitor>> policy = new LinkedHashMap<>();
        try (InputStream in = RouteAccessMatrixTest.class.getResourceAsStream("/access/route-policy.csv")) {
            assertThat(in).as("access/route-policy.csv on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(";", -1);
                assertThat(parts).as("route;allowed — %s", line).hasSize(2);
                Set<Visitor> allowed = EnumSet.noneOf(Visitor.class);
                for (String name : parts[1].split(",")) {
                    if (name.strip().equals("AUTHENTICATED")) {
                        allowed.addAll(EnumSet.complementOf(EnumSet.of(Visitor.ANONYMOUS)));
                    } else {
                        allowed.add(Visitor.valueOf(name.strip()));
                    }
                }
                assertThat(policy.put(parts[0].strip(), allowed)).as("route %s twice in the policy", parts[0]).isNull();
            }
        }
        return policy;
    }
}
