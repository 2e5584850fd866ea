package nl.steunpunt.buddy.ui.http;

import java.net.URI;
import java.net.http.HttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.steunpunt.buddy.ui.ApplicationTest;

/**
 * The whole application behind a real HTTP port (embedded Tomcat on a random port), for tests that
 * talk to it as browsers do, through {@link VaadinHttpSession}. All such tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpApplicationTest extends ApplicationTest {

    protected static final HttpClient HTTP = VaadinHttpSession.sharedClient();

    @LocalServerPort protected int port;

    /** A new simulated user with an empty cookie jar. */
    protected VaadinHttpSession newUser() {
        return new VaadinHttpSession(HTTP, URI.create("http://localhost:" + port + "/"));
    }
}
