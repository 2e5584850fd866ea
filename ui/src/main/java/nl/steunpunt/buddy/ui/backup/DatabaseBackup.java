package nl.steunpunt.buddy.ui.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.Properties;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Command line of {@code infra/backup/backup.sh} and {@code restore.sh}:
 * {@code backup|restore [--url JDBC-URL] [--user USER] DIRECTORY}. URL and user default to
 * {@code BUDDY_DB_URL} and {@code BUDDY_DB_USER}; the password is only read from
 * {@code BUDDY_DB_PASSWORD}, so it never shows in a process list. Exit code 0 on success, 1 on failure,
 * 2 on wrong usage.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {
    }

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String url = System.getenv("BUDDY_DB_URL");
        String user = System.getenv().getOrDefault("BUDDY_DB_USER", "buddy");
        String command = null;
        String directory = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = i + 1 < args.length ? args[++i] : null;
                case "--user" -> user = i + 1 < args.length ? args[++i] : null;
                default -> {
                    if (command == null) {
                        command = args[i];
                    } else if (directory == null) {
                        directory = args[i];
                    } else {
                        usage("unexpected argument " + args[i]);
                    }
                }
            }
        }
        if (command == null || directory == null || !(command.equals("backup") || command.equals("restore"))) {
            usage("give the command (backup or restore) and the backup directory");
        }
        if (url == null || url.isBlank()) {
            usage("no database: set BUDDY_DB_URL or give --url");
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", System.getenv().getOrDefault("BUDDY_DB_PASSWORD", ""));
        properties.setProperty("ApplicationName", "steunpunt-buddy-" + command);
        Path dir = Path.of(directory).toAbsolutePath().normalize();
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (command.equals("backup")) {
                BackupManifest manifest = Backup.run(connection, dir);
                System.out.printf(Locale.ROOT, "Backup of %d tables, %d rows, %d bytes, %d sequences into %s in %.2f s%n",
                        manifest.tables().size(), manifest.rows(), manifest.bytes(), manifest.sequences().size(), dir, seconds(start));
            } else {
                Restore.run(connection, dir);
                BackupManifest manifest = Manifests.read(dir.resolve(BackupManifest.FILE));
                System.out.printf(Locale.ROOT, "Restored %d tables, %d rows (counts and checksums verified) from %s in %.2f s%n",
                        manifest.tables().size(), manifest.rows(), dir, seconds(start));
            }
        } catch (Exception e) {
            System.err.println(command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: backup|restore [--url JDBC-URL] [--user USER] DIRECTORY   (password: BUDDY_DB_PASSWORD)");
        System.exit(2);
    }
}
