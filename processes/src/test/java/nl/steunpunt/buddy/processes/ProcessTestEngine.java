package nl.steunpunt.buddy.processes;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.steunpunt.buddy.shared.database.EmbeddedPostgresAutoConfiguration.EmbeddedPostgresLauncher;

/**
 * One process engine per test JVM on a fresh embedded PostgreSQL (the dialect of production),
 * with the job executor off so tests drive jobs and timers themselves, and an expression manager
 * that resolves beans registered with {@code Mocks}.
 */
public final class ProcessTestEngine {

    private static ProcessEngine engine;

    private ProcessTestEngine() {
    }

    public static synchronized ProcessEngine get() {
        if (engine == null) {
            EmbeddedPostgres postgres;
            try {
                postgres = EmbeddedPostgresLauncher.start("", 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Process tests need an embedded PostgreSQL and it did not start", e);
            }
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setDataSource(dataSource);
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setProcessEngineName("process-tests");
            engine = configuration.buildProcessEngine();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                engine.close();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary cluster goes with it
                }
            }));
        }
        return engine;
    }

    static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(get()).build();
    }
}
