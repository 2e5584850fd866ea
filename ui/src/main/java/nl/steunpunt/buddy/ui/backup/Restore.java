package nl.steunpunt.buddy.ui.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Restores a backup into an empty database. The schema is created the way the application creates
 * it — its Flyway migrations (up to the backup's version) and the process engine's own PostgreSQL
 * scripts, which the engine runs at its first start — and then, in one transaction with triggers
 * and foreign keys held back ({@code session_replication_role = replica}), the rows the schema
 * creation seeded are replaced by the backup's, sequences are set, and every table is copied out
 * again and compared with the manifest's row count and checksum. Nothing is committed unless all match.
 */
final class Restore {

    /** The engine's creation scripts in the order its schema creation runs them. */
    private static final List<String> CAMUNDA_SCRIPTS = List.of("activiti.postgres.create.engine.sql",
            "activiti.postgres.create.history.sql", "activiti.postgres.create.identity.sql", "activiti.postgres.create.case.engine.sql",
            "activiti.postgres.create.case.history.sql", "activiti.postgres.create.decision.engine.sql",
            "activiti.postgres.create.decision.history.sql");

    private Restore() {
    }

    static void run(Connection connection, Path directory) throws SQLException, IOException {
        BackupManifest manifest = Manifests.read(directory.resolve(BackupManifest.FILE));
        if (!Sql.tables(connection).isEmpty()) {
            throw new IllegalArgumentException("The target database is not empty: restore only into a new database");
        }
        connection.setAutoCommit(true);
        if (manifest.flywayVersion() != null) {
            Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true)).locations("classpath:db/migration")
                    .target(manifest.flywayVersion()).load().migrate();
        }
        if (manifest.camundaSchema() != null) {
            createEngineSchema(connection);
            String created = Backup.single(connection, Sql.CAMUNDA_SCHEMA_VERSION).orElse(null);
            if (!manifest.camundaSchema().equals(created)) {
                throw new IllegalStateException("The backup holds process engine schema " + manifest.camundaSchema()
                        + ", this application creates " + created + ": restore with the application version that made the backup");
            }
        }
        Set<String> present = new HashSet<>();
        for (String[] table : Sql.tables(connection)) {
            present.add(table[0] + "." + table[1]);
        }
        List<String> missing = new ArrayList<>();
        for (BackupManifest.Table table : manifest.tables()) {
            if (!present.contains(table.schema() + "." + table.name())) {
                missing.add(table.schema() + "." + table.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The schema creation did not create these tables of the backup: " + missing);
        }

        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            // Only for this transaction: no trigger, no foreign-key check while rows arrive in table order.
            statement.execute("SET LOCAL session_replication_role = replica");
            for (BackupManifest.Table table : manifest.tables()) {
                // Rows the migrations and the engine seeded (Flyway's history, reference data, engine
                // properties) are in the backup as well.
                if (Backup.single(connection, "SELECT 1 FROM " + table.qualified() + " LIMIT 1").isPresent()) {
                    statement.execute("DELETE FROM " + table.qualified());
                }
                java.security.MessageDigest digest = sha256();
                try (InputStream in = new java.security.DigestInputStream(
                        new BufferedInputStream(Files.newInputStream(directory.resolve(table.file())), 1 << 16), digest)) {
                    Sql.copy(connection).copyIn("COPY " + table.qualified() + " (" + Sql.columnList(table.columns())
                            + ") FROM STDIN (FORMAT binary)", in);
                }
                if (!java.util.HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                    throw new IllegalStateException("The backup's file " + table.file() + " is not the one it was written as (checksum)");
                }
            }
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                try (var setval = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                    setval.setString(1, sequence.qualified());
                    setval.setLong(2, sequence.lastValue());
                    setval.setBoolean(3, sequence.called());
                    setval.execute();
                }
            }
            Sql.textSettings(connection);
            List<String> differences = new ArrayList<>();
            for (BackupManifest.Table table : manifest.tables()) {
                String content = Sql.content(connection, table.qualified(), table.columns());
                if (!content.equals(table.content())) {
                    differences.add(table.schema() + "." + table.name() + " (rows:checksum " + content + ", in the backup "
                            + table.content() + ")");
                }
            }
            if (!differences.isEmpty()) {
                throw new IllegalStateException("Restored tables differ from the backup: " + differences);
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createEngineSchema(Connection connection) throws SQLException, IOException {
        for (String script : CAMUNDA_SCRIPTS) {
            String resource = "org/camunda/bpm/engine/db/create/" + script;
            try (InputStream in = Restore.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The process engine's script " + resource + " is not on the class path");
                }
                try (var statement = connection.createStatement()) {
                    statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
