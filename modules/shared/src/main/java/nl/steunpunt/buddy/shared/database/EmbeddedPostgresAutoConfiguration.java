package nl.steunpunt.buddy.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL from Maven artifacts when no {@code spring.datasource.url} is configured,
 * so the application runs with zero set-up and on exactly the SQL dialect of production.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(EmbeddedPostgresAutoConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        return EmbeddedPostgresLauncher.start(properties.dataDirectory(), properties.port());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(5000);
        config.setPoolName("buddy-embedded");
        log.info("Using embedded PostgreSQL on port {}", postgres.getPort());
        return new HikariDataSource(config);
    }

    /** Matches when {@code spring.datasource.url} is missing or blank. */
    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    /** Starts the cluster; reused by tests that need an engine without Spring. */
    public static final class EmbeddedPostgresLauncher {

        private EmbeddedPostgresLauncher() {
        }

        public static EmbeddedPostgres start(String dataDirectory, int port) throws IOException {
            // The owner closes the cluster (Spring: after the engine and the pool); a JVM hook of its
            // own would stop PostgreSQL while the engine is still shutting down.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setConnectConfig("ApplicationName", "steunpunt-buddy");
            if (StringUtils.hasText(dataDirectory)) {
                Path dir = Path.of(dataDirectory).toAbsolutePath().normalize();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL keeps its data in {}", dir);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        }

        /** Connection settings of a started cluster, e.g. for a plain engine configuration. */
        public static Map<String, String> connection(EmbeddedPostgres postgres) {
            return Map.of("url", postgres.getJdbcUrl("postgres", "postgres"), "user", "postgres", "password", "postgres");
        }
    }
}
