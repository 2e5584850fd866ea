package nl.steunpunt.buddy.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Keycloak for browser tests, started and stopped through the project's own script
 * ({@code infra/keycloak/start.sh}) in a work folder under {@code target/}, with a fresh import of
 * the realm so back-channel logout points at the app under test. Fails with the script's message
 * when it cannot start (for instance without a Java 21+ runtime).
 */
final class KeycloakServer {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPTS = ROOT.resolve("infra/keycloak");
    private static final Path WORK = Path.of("target/keycloak").toAbsolutePath();

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(String issuer) {
        this.issuer = issuer;
    }

    static KeycloakServer start(int appPort) {
        try {
            Files.createDirectories(WORK);
            // A fresh realm import for this app's port: drop the data of an earlier run.
            deleteTree(WORK.resolve("keycloak-26.5.6/data/h2"));
            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPTS.resolve("start.sh").toString()).redirectErrorStream(false);
            builder.environment().put("KEYCLOAK_WORK_DIR", WORK.toString());
            builder.environment().put("KEYCLOAK_APP_URL", "http://localhost:" + appPort);
            builder.redirectError(WORK.resolve("start.err").toFile());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !out.startsWith("http")) {
                throw new IllegalStateException("Keycloak did not start: " + Files.readString(WORK.resolve("start.err")));
            }
            return new KeycloakServer(out.lines().reduce((a, b) -> b).orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPTS.resolve("stop.sh").toString()).inheritIO();
            builder.environment().put("KEYCLOAK_WORK_DIR", WORK.toString());
            builder.start().waitFor(1, TimeUnit.MINUTES);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String issuer() {
        return issuer;
    }

    /** Ends every Keycloak session of the user, as an administrator would (Keycloak then tells the app). */
    void logOutEverywhere(String username) throws Exception {
        String base = issuer.substring(0, issuer.indexOf("/realms/"));
        String token = field(post(base + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin", null), "access_token");
        String users = get(base + "/admin/realms/steunpunt/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8),
                token);
        post(base + "/admin/realms/steunpunt/users/" + field(users, "id") + "/logout", "", token);
    }

    private String post(String url, String form, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private String get(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
