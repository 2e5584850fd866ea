package nl.steunpunt.buddy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * A percentile from the lead-time histogram lies within the stated bound of the exact one
 * ({@code percentile_cont} over the durations themselves).
 */
class LeadTimePercentileTest {

    @Test
    void percentiles_from_two_percent_buckets_are_within_two_percent_of_the_exact_ones() {
        Random random = new Random(8);
        for (int round = 0; round < 50; round++) {
            int n = 5 + random.nextInt(50_000);
            double[] days = new double[n];
            TreeMap<Integer, Long> histogram = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                days[i] = Math.exp(random.nextGaussian() * 1.5 + 3) * (random.nextInt(20) == 0 ? 0 : 1);
                histogram.merge(bucket(days[i]), 1L, Long::sum);
            }
            Arrays.sort(days);
            for (double fraction : new double[] { 0.5, 0.9 }) {
                double exact = exact(days, fraction);
                assertThat(MetricsDashboard.percentile(histogram, fraction)).as("n=%d p%s", n, fraction)
                        .isCloseTo(exact, org.assertj.core.data.Offset.offset(MetricsDashboard.BUCKET_WIDTH * exact + 0.001));
            }
        }
    }

    @Test
    void an_empty_histogram_has_no_percentile_and_one_case_is_its_own_bucket() {
        assertThat(MetricsDashboard.percentile(new TreeMap<>(), 0.5)).isNull();
        TreeMap<Integer, Long> one = new TreeMap<>();
        one.put(bucket(30), 1L);
        assertThat(MetricsDashboard.percentile(one, 0.9)).isCloseTo(30, org.assertj.core.data.Offset.offset(0.6));
    }

    /** As metrics_bucket in the migration. */
    private static int bucket(double days) {
        return days < 0.001 ? -1000 : (int) Math.floor(Math.log(days) / Math.log(1.02));
    }

    /** As percentile_cont. */
    private static double exact(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int k = (int) Math.floor(rank);
        double upper = k + 1 < sorted.length ? sorted[k + 1] : sorted[k];
        return sorted[k] + (rank - k) * (upper - sorted[k]);
    }
}
