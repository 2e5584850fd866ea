package nl.steunpunt.buddy.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

class DemoSmtpConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DemoSmtpConfiguration.class);

    @Test
    void the_demo_profile_catches_mail_on_the_loopback_interface_until_the_application_stops() {
        int port = freePort();
        GreenMail[] server = new GreenMail[1];

        context.withPropertyValues("spring.profiles.active=demo", "buddy.mail.demo-smtp-port=" + port).run(running -> {
            server[0] = running.getBean(GreenMail.class);
            assertThat(server[0].isRunning()).isTrue();
            assertThat(server[0].getSmtp().getBindTo()).isEqualTo(DemoSmtpConfiguration.BIND_ADDRESS);
            assertThat(server[0].getSmtp().getPort()).isEqualTo(port);

            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(port);
            sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom("buddy@steunpunt.example");
            mail.setTo("zoe@example.org");
            mail.setSubject("Welkom");
            mail.setText("Hallo Zoë");
            sender.send(mail);

            assertThat(server[0].waitForIncomingEmail(5000, 1)).isTrue();
            assertThat(GreenMailUtil.getAddressList(server[0].getReceivedMessages()[0].getAllRecipients()))
                    .isEqualTo("zoe@example.org");
        });

        assertThat(server[0].isRunning()).isFalse();
    }

    @Test
    void without_the_demo_profile_no_smtp_server_starts() {
        context.run(running -> assertThat(running).doesNotHaveBean(GreenMail.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
