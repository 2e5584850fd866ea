package nl.steunpunt.buddy.workflow.internal;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes the rows of a table whose time column lies before a moment, a batch at a time (each batch its own
 * statement), so that a first clean-up of a large table never holds millions of row locks at once.
 */
final class BatchedDelete {

    private BatchedDelete() {
    }

    /** Deletes the rows of {@code table} with {@code timeColumn < before}, {@code batch} rows per statement; returns how many. */
    static int before(JdbcClient db, String table, String key, String timeColumn, Timestamp before, int batch) {
        String sql = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table + " WHERE " + timeColumn
                + " < ? LIMIT ?)";
        int removed = 0;
        for (int deleted = batch; deleted == batch; removed += deleted) {
            deleted = db.sql(sql).params(before, batch).update();
        }
        return removed;
    }
}
