package nl.steunpunt.buddy.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that starts when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster lives; it survives restarts. Empty: a fresh temporary
 *                      cluster that is deleted on shutdown (what tests use).
 * @param port          the port to listen on; 0 picks a free one.
 */
@ConfigurationProperties("buddy.database.embedded")
public record EmbeddedPostgresProperties(String dataDirectory, int port) {
}
