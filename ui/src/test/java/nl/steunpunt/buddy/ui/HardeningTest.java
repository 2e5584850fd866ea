package nl.steunpunt.buddy.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a browser (or an attacker) sees over real HTTP: security headers that Vaadin can live with,
 * session cookies that scripts and other sites cannot use, limits on request size, and no Camunda
 * REST API or web application anywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HardeningTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort int port;

    @Test
    void pages_carry_a_content_security_policy_and_the_other_security_headers() throws Exception {
        HttpResponse<String> login = get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=()");
    }

    @Test
    void the_session_cookie_is_secure_http_only_and_same_site() throws Exception {
        List<String> cookies = get("/login").headers().allValues("Set-Cookie");

        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly",
                "SameSite=Lax"));
    }

    @Test
    void no_camunda_rest_api_or_web_application_is_reachable() throws Exception {
        for (String path : List.of("/engine-rest/engine", "/engine-rest/process-definition", "/engine-rest/task",
                "/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/", "/camunda/api/engine/engine/default/user",
                "/app/cockpit/default/")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("\"name\":\"default\"").doesNotContainIgnoringCase("cockpit");
        }
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.engine.rest.impl.CamundaRestResources"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.camunda.bpm.webapp.impl.engine.EngineRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void oversized_requests_are_refused_before_the_application_sees_them() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/login")).header("X-Padding", "x".repeat(20_000)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(400, 431);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
