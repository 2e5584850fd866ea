package nl.steunpunt.buddy.shared.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Times one action of a benchmark: keeps the measured durations (ms) and the action's last result. */
public final class Timed {

    private final Supplier<Object> action;
    private final List<Double> times = new ArrayList<>();
    private Object last;

    public Timed(Supplier<Object> action) {
        this.action = action;
    }

    /** Runs the action once; a warm-up run ({@code measured} false) keeps its result but not its time. */
    public void run(boolean measured) {
        long start = System.nanoTime();
        last = action.get();
        double ms = (System.nanoTime() - start) / 1e6;
        if (measured) {
            times.add(ms);
        }
    }

    /** The nearest-rank percentile of the measured times, in ms ({@code 0.95} for p95). */
    public double percentile(double fraction) {
        if (times.isEmpty()) {
            throw new IllegalStateException("nothing measured yet");
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    /** The result of the last run. */
    public Object last() {
        return last;
    }
}
