package nl.steunpunt.buddy.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in. {@code local}: the app's own accounts and login page (development and demo);
 * {@code keycloak}: OpenID Connect against the organisation's Keycloak (the {@code keycloak} profile,
 * which the {@code prod} profile brings along). Local sign-in refuses to start under {@code prod}.
 */
@ConfigurationProperties("buddy.security")
public record SecuritySettings(@DefaultValue("local") Mode mode) {

    /** The source of users, roles and regions. */
    public enum Mode {
        LOCAL, KEYCLOAK
    }
}
