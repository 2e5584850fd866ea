package nl.steunpunt.buddy.shared.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one table of the benchmark suite ({@code infra/bench/run}): every benchmark records its rows
 * here, one tab-separated file per row under the build's {@code target/bench} (system property
 * {@code buddy.bench.dir}, set by the root pom), and the suite prints them together at the end.
 * A row is the benchmark, our figure, the baseline measured in the same run, their ratio, the target
 * and whether it was met. Figures are given as text with their unit, as printed.
 */
public final class BenchmarkTable {

    public static final String DIRECTORY_PROPERTY = "buddy.bench.dir";

    private BenchmarkTable() {
    }

    /**
     * Records one row. {@code id} orders the table and names the file (e.g. {@code P2-inbox-100k});
     * a later run of the same benchmark replaces its row.
     */
    public static void record(String id, String benchmark, String ours, String baseline, double ratio, String target, boolean pass) {
        record(id, benchmark, ours, baseline, Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio), target, pass);
    }

    /** As {@link #record(String, String, String, String, double, String, boolean)}, with the ratio already written. */
    public static void record(String id, String benchmark, String ours, String baseline, String ratio, String target, boolean pass) {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("benchmark id must be a plain file name: " + id);
        }
        String line = Stream.of(id, benchmark, ours, baseline, ratio, target, pass ? "PASS" : "FAIL")
                .map(cell -> cell.replace('\t', ' ').replace('\n', ' '))
                .collect(Collectors.joining("\t"));
        try {
            Path directory = directory();
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(id + ".tsv"), line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record benchmark row " + id, e);
        }
    }

    /** Milliseconds, printed as the table prints them. */
    public static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return configured == null || configured.isBlank() ? Paths.get("target", "bench") : Paths.get(configured);
    }
}
