package nl.steunpunt.buddy.ui.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written as {@code manifest.json} next to the table files once every table is
 * dumped: a directory without it is not a backup.
 *
 * @param format           version of this layout
 * @param createdAt        when the snapshot was taken
 * @param serverVersion    the PostgreSQL server that was dumped
 * @param flywayVersion    the last applied migration; the restore migrates the new database to exactly this
 * @param camundaSchema    the process engine's schema version (latest entry of {@code ACT_GE_SCHEMA_LOG}), if any
 * @param tables           every table with its columns, row count, size and checksum
 * @param sequences        every sequence's position
 */
public record BackupManifest(int format, Instant createdAt, String serverVersion, String flywayVersion, String camundaSchema,
        List<Table> tables, List<Sequence> sequences) {

    public static final String FILE = "manifest.json";
    public static final int FORMAT = 1;

    /**
     * One table: its rows in PostgreSQL's binary COPY format in {@code file}.
     *
     * @param sha256  checksum of the file, checked before it is loaded
     * @param content checksum of the rows whatever their order (see {@link Sql#content}): the restored table must give
     *                the same; a byte-for-byte comparison would depend on the order a scan happens to return rows in
     */
    public record Table(String schema, String name, List<String> columns, long rows, long bytes, String sha256, String content,
            String file) {

        public String qualified() {
            return Sql.ident(schema) + "." + Sql.ident(name);
        }
    }

    /** A sequence as {@code setval(name, lastValue, called)} restores it. */
    public record Sequence(String schema, String name, long lastValue, boolean called) {

        public String qualified() {
            return Sql.ident(schema) + "." + Sql.ident(name);
        }
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(Table::bytes).sum();
    }
}
