package nl.steunpunt.buddy.ui.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Catalog queries and COPY helpers shared by the backup and the restore. */
final class Sql {

    /** Schemas of the application; PostgreSQL's own are never dumped. */
    static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
            + "AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** The process engine's schema version: the latest entry of its schema log (creation or upgrade). */
    static final String CAMUNDA_SCHEMA_VERSION = "SELECT version_ FROM act_ge_schema_log ORDER BY timestamp_ DESC, id_ DESC LIMIT 1";

    private Sql() {
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Plain tables of the application's schemas, as schema and name, in a stable order. */
    static List<String[]> tables(Connection connection) throws SQLException {
        return names(connection, "r");
    }

    static List<String[]> sequences(Connection connection) throws SQLException {
        return names(connection, "S");
    }

    private static List<String[]> names(Connection connection, String kind) throws SQLException {
        List<String[]> names = new ArrayList<>();
        try (var statement = connection.prepareStatement("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE c.relkind = ? AND " + USER_SCHEMAS + " ORDER BY 1, 2")) {
            statement.setString(1, kind);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
        }
        return names;
    }

    /** Stored columns in table order; generated columns are computed again on load. */
    static List<String> columns(Connection connection, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 "
                + "AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Sql::ident).toList());
    }

    static CopyManager copy(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Copies a table out in binary COPY format into {@code out}; returns rows and checksum. */
    static Copied copyOut(Connection connection, String qualified, List<String> columns, OutputStream out)
            throws SQLException, IOException {
        Digesting digesting = new Digesting(out);
        long rows = copy(connection).copyOut("COPY " + qualified + " (" + columnList(columns) + ") TO STDOUT (FORMAT binary)", digesting);
        return new Copied(rows, digesting.count, HexFormat.of().formatHex(digesting.digest.digest()));
    }

    record Copied(long rows, long bytes, String sha256) {
    }

    /**
     * Fixes how values are written as text for {@link #content}, for the rest of this transaction, so a
     * backup and its restore compute it alike whatever the sessions' settings.
     */
    static void textSettings(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL TimeZone = 'UTC'");
            statement.execute("SET LOCAL DateStyle = 'ISO, YMD'");
            statement.execute("SET LOCAL IntervalStyle = 'postgres'");
            statement.execute("SET LOCAL extra_float_digits = 1");
            statement.execute("SET LOCAL bytea_output = 'hex'");
        }
    }

    /**
     * A checksum of a table's rows that does not depend on their order: the sum of the first 64 bits of
     * each row's MD5 (over its text form), with the row count. Two scans of the same rows may return them
     * in different orders (a scan may start where a concurrent one is, for one), so the restore compares
     * this rather than the bytes of a copy.
     */
    static String content(Connection connection, String qualified, List<String> columns) throws SQLException {
        String sql = "SELECT count(*) || ':' || COALESCE(sum(('x' || substr(md5(ROW(" + columnList(columns)
                + ")::text), 1, 16))::bit(64)::bigint::numeric), 0) FROM " + qualified;
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Counts and hashes what passes through; {@link OutputStream#nullOutputStream()} as target only verifies. */
    private static final class Digesting extends OutputStream {

        private final OutputStream target;
        private final MessageDigest digest;
        private long count;

        Digesting(OutputStream target) {
            this.target = target;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
