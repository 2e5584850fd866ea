package nl.steunpunt.buddy.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.steunpunt.buddy.shared.database.EmbeddedPostgresAutoConfiguration.EmbeddedPostgresLauncher;

class EmbeddedPostgresLauncherTest {

    @Test
    void data_written_before_a_restart_is_still_there_after_it(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedPostgres first = EmbeddedPostgresLauncher.start(data.toString(), 0);
                Connection c = first.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (name TEXT)");
            s.execute("INSERT INTO survivor VALUES ('still here')");
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        try (EmbeddedPostgres second = EmbeddedPostgresLauncher.start(data.toString(), 0);
                Connection c = second.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void without_a_data_directory_every_start_is_a_fresh_cluster() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start("", 0);
                Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("17.");
        }
    }
}
