package nl.steunpunt.buddy.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * In the demo profile an embedded SMTP server on the loopback interface catches every mail, so the
 * demo sends real mails without any leaving the machine. It starts while the application context
 * starts, before a process step or screen can send, and stops when the context closes.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSmtpConfiguration {

    static final String BIND_ADDRESS = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(DemoSmtpConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer(@Value("${buddy.mail.demo-smtp-port:3025}") int port) {
        log.info("Demo profile: mail is caught by an embedded SMTP server on {}:{}", BIND_ADDRESS, port);
        return new GreenMail(new ServerSetup(port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP));
    }
}
