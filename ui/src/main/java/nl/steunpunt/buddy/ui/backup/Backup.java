package nl.steunpunt.buddy.ui.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dumps every table of the application's schemas (module tables, the process engine's, Flyway's
 * history) and every sequence's position from one read-only REPEATABLE READ snapshot, so the copy is
 * consistent while the application keeps running: PostgreSQL's binary COPY per table, a manifest last.
 */
final class Backup {

    private Backup() {
    }

    static BackupManifest run(Connection connection, Path directory) throws SQLException, IOException {
        if (Files.exists(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The backup directory is not empty: " + directory);
                }
            }
        }
        Files.createDirectories(directory.resolve("tables"));
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            // The first query fixes the snapshot; every COPY below reads it.
            String serverVersion = single(connection, "SHOW server_version").orElseThrow();
            Sql.textSettings(connection);
            String flywayVersion = tableExists(connection, "flyway_schema_history")
                    ? single(connection, "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                            + "ORDER BY installed_rank DESC LIMIT 1").orElse(null)
                    : null;
            String camundaSchema = tableExists(connection, "act_ge_schema_log")
                    ? single(connection, Sql.CAMUNDA_SCHEMA_VERSION).orElse(null)
                    : null;
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (String[] table : Sql.tables(connection)) {
                List<String> columns = Sql.columns(connection, table[0], table[1]);
                String file = "tables/" + table[0] + "." + table[1] + ".copy";
                String qualified = Sql.ident(table[0]) + "." + Sql.ident(table[1]);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(directory.resolve(file)), 1 << 16)) {
                    Sql.Copied copied = Sql.copyOut(connection, qualified, columns, out);
                    tables.add(new BackupManifest.Table(table[0], table[1], columns, copied.rows(), copied.bytes(), copied.sha256(),
                            Sql.content(connection, qualified, columns), file));
                }
            }
            // Sequences are read after the tables: a value taken for a row of the snapshot is never above them.
            List<BackupManifest.Sequence> sequences = new ArrayList<>();
            for (String[] sequence : Sql.sequences(connection)) {
                String qualified = Sql.ident(sequence[0]) + "." + Sql.ident(sequence[1]);
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT last_value, is_called FROM " + qualified)) {
                    rows.next();
                    sequences.add(new BackupManifest.Sequence(sequence[0], sequence[1], rows.getLong(1), rows.getBoolean(2)));
                }
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now(), serverVersion, flywayVersion,
                    camundaSchema, tables, sequences);
            Manifests.write(manifest, directory.resolve(BackupManifest.FILE));
            return manifest;
        } finally {
            connection.rollback();
        }
    }

    static boolean tableExists(Connection connection, String name) throws SQLException {
        return single(connection, "SELECT to_regclass('" + name.replace("'", "''") + "')::text").isPresent();
    }

    static Optional<String> single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        }
    }
}
