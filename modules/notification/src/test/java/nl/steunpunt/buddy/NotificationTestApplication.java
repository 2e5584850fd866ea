package nl.steunpunt.buddy;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest application around the notification module for its tests: the shared kernel (clock,
 * embedded PostgreSQL, Flyway) and the notification module itself.
 */
@SpringBootApplication
public class NotificationTestApplication {
}
