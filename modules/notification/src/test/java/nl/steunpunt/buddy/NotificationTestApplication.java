package nl.steunpunt.buddy;

import java.util.Optional;
import java.util.Set;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Role;

/**
 * The smallest application around the notification module for its tests: the shared kernel (clock,
 * embedded PostgreSQL, Flyway) and the notification module itself. The tests read the outbox as an
 * administrator, the only one who may.
 */
@SpringBootApplication
public class NotificationTestApplication {

    @Bean
    CurrentActor administrator() {
        Actor admin = new Actor("beheerder", "Beheerder", Set.of(Role.ADMIN), Set.of());
        return () -> Optional.of(admin);
    }
}
