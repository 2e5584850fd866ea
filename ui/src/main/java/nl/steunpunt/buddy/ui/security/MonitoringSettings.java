package nl.steunpunt.buddy.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monitoring credential: the one account (HTTP Basic) besides a signed-in administrator that
 * may read the metrics under {@code /actuator}. Without a password it does not exist.
 */
@ConfigurationProperties("buddy.monitoring")
public record MonitoringSettings(@DefaultValue("monitoring") String username, @DefaultValue("") String password) {

    public boolean enabled() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
