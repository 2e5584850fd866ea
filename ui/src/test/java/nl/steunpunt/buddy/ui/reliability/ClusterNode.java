package nl.steunpunt.buddy.ui.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One application instance in its own JVM (the test's class path, the module folder as its project folder
 * for Vaadin's development mode), so that it can be killed with
 * SIGKILL. Its output goes to {@code target/reliability/<name>.log}; lines of interest (the probe's
 * answers, the start-up line) are kept for {@link #await}.
 */
final class ClusterNode implements AutoCloseable {

    private final String name;
    private final Process process;
    private final PrintWriter input;
    private final List<String> lines = new ArrayList<>();

    private ClusterNode(String name, Process process) {
        this.name = name;
        this.process = process;
        this.input = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    static ClusterNode start(String name, Path directory, Map<String, String> arguments) throws IOException {
        Files.createDirectories(directory);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path classPathFile = directory.resolve(name + ".classpath").toAbsolutePath();
        Files.writeString(classPathFile, "-cp \"" + classPath.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-Dproject.basedir=" + Path.of("").toAbsolutePath(), "@" + classPathFile, "nl.steunpunt.buddy.BuddyApplication"));
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        ClusterNode node = new ClusterNode(name, builder.start());
        node.drain(directory.resolve(name + ".log"));
        return node;
    }

    /**
     * What {@code MailDelivery} logs, after "Mail &lt;id&gt;", when a mail may have reached the SMTP server more than once:
     * SMTP accepted it but the SENT mark failed (the crash window); the send failed, possibly after SMTP took it (a
     * time-out waiting for the server's answer), so the poller sends it again; or the mark found the row already SENT
     * by another delivery, whose lease on it had run out.
     */
    static final List<String> DOUBTFUL_DELIVERY = List.of("was sent but could not be marked", "not sent (attempt",
            "was sent by another delivery as well");

    /** The ids of the outbox rows this node sent but could not mark as sent, from its log. */
    public List<Long> unmarkedMails() {
        return mailsLogged(DOUBTFUL_DELIVERY.get(0));
    }

    /** The ids of the outbox rows this node may have handed to SMTP more than once (see {@link #DOUBTFUL_DELIVERY}). */
    public List<Long> doubtfulMails() {
        return DOUBTFUL_DELIVERY.stream().flatMap(phrase -> mailsLogged(phrase).stream()).toList();
    }

    private List<Long> mailsLogged(String phrase) {
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("Mail (\\d+) " + java.util.regex.Pattern.quote(phrase));
        synchronized (lines) {
            return lines.stream().map(id::matcher).filter(java.util.regex.Matcher::find).map(m -> Long.valueOf(m.group(1))).toList();
        }
    }

    private void drain(Path log) throws IOException {
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (out; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.write('\n');
                    if (line.startsWith("PROBE") || line.contains("Started BuddyApplication") || line.contains("APPLICATION FAILED")
                            || DOUBTFUL_DELIVERY.stream().anyMatch(line::contains)) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    void send(String command) {
        input.println(command);
    }

    /** The first kept line that matches, waiting for it at most this long. */
    String await(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                Optional<String> found = lines.stream().filter(match).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (lines.stream().anyMatch(l -> l.contains("APPLICATION FAILED")) || !process.isAlive()) {
                    throw new IllegalStateException(name + " stopped; see target/reliability/" + name + ".log");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(name + " did not answer in " + timeout + "; see target/reliability/" + name + ".log");
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
            }
        }
    }

    /** The answer of the probe to the command with this id. */
    String answer(String id, Duration timeout) throws InterruptedException {
        return await(line -> line.startsWith("PROBE " + id + " "), timeout);
    }

    void awaitStarted(Duration timeout) throws InterruptedException {
        await(line -> line.contains("Started BuddyApplication"), timeout);
        await(line -> line.equals("PROBE-READY"), Duration.ofSeconds(30));
    }

    /** SIGKILL: no shutdown hook, no rollback by the application; the database sees the connections drop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
