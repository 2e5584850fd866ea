package nl.steunpunt.buddy.ui;

import java.time.ZoneId;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The whole application on a fresh embedded PostgreSQL, job executor on, and a real SMTP server
 * (GreenMail) that catches every mail. All application tests share this one context.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ApplicationTest.TestClockConfiguration.class)
public abstract class ApplicationTest {

    /** Replaces the application clock with one that tests can move forward. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(ZoneId.of("Europe/Amsterdam"));
        }
    }

    protected static final GreenMail MAIL = startMailServer();

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }
}
