package nl.steunpunt.buddy.matching;

import static nl.steunpunt.buddy.matching.CapacitatedAssignment.UNASSIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The solver on its own: least cost against brute force on many small random instances, and its edges. */
class CapacitatedAssignmentTest {

    /** Rows with their allowed arcs (column, cost), column capacities and the cost of waiting. */
    private record Instance(int[] rowStart, int[] arcColumn, int[] arcCost, int[] capacity, int waitCost) {

        int rows() {
            return rowStart.length - 1;
        }

        static Instance random(Random random) {
            int rows = random.nextInt(8);
            int columns = 1 + random.nextInt(4);
            int[] capacity = new int[columns];
            for (int c = 0; c < columns; c++) {
                capacity[c] = random.nextInt(4);
            }
            int[] rowStart = new int[rows + 1];
            List<Integer> arcColumn = new ArrayList<>();
            List<Integer> arcCost = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (random.nextInt(3) != 0) {
                        arcColumn.add(c);
                        arcCost.add(random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(30));
                    }
                }
                rowStart[r + 1] = arcColumn.size();
            }
            return new Instance(rowStart, arcColumn.stream().mapToInt(Integer::intValue).toArray(),
                    arcCost.stream().mapToInt(Integer::intValue).toArray(), capacity, random.nextInt(35));
        }

        int[] solve() {
            return CapacitatedAssignment.solve(rowStart, arcColumn, arcCost, capacity, waitCost);
        }

        /** The cost of an assignment; fails if it uses a missing arc or overfills a column. */
        long cost(int[] columnOf) {
            int[] load = new int[capacity.length];
            long total = 0;
            for (int r = 0; r < rows(); r++) {
                if (columnOf[r] == UNASSIGNED) {
                    total += waitCost;
                    continue;
                }
                load[columnOf[r]]++;
                int arc = arc(r, columnOf[r]);
                assertThat(arc).as("row %d uses an allowed arc", r).isNotNegative();
                total += arcCost[arc];
            }
            for (int c = 0; c < capacity.length; c++) {
                assertThat(load[c]).as("load of column %d", c).isLessThanOrEqualTo(capacity[c]);
            }
            return total;
        }

        int arc(int row, int column) {
            for (int a = rowStart[row]; a < rowStart[row + 1]; a++) {
                if (arcColumn[a] == column) {
                    return a;
                }
            }
            return -1;
        }

        /** The least cost over every way to give each row one of its arcs with room, or let it wait. */
        long bruteForce(int row, int[] load) {
            if (row == rows()) {
                return 0;
            }
            long best = waitCost + bruteForce(row + 1, load);
            for (int a = rowStart[row]; a < rowStart[row + 1]; a++) {
                int column = arcColumn[a];
                if (load[column] < capacity[column]) {
                    load[column]++;
                    best = Math.min(best, arcCost[a] + bruteForce(row + 1, load));
                    load[column]--;
                }
            }
            return best;
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_least_cost_against_brute_force_within_every_capacity(long seed) {
        Instance instance = Instance.random(new Random(seed));

        int[] columnOf = instance.solve();

        assertThat(instance.cost(columnOf)).isEqualTo(instance.bruteForce(0, new int[instance.capacity().length]));
    }

    @Test
    void one_column_with_capacity_three_takes_the_three_rows_it_saves_most_on() {
        // four rows, one column of capacity 3; waiting costs 10, the column 1, 9, 3, 6
        Instance instance = new Instance(new int[] { 0, 1, 2, 3, 4 }, new int[] { 0, 0, 0, 0 }, new int[] { 1, 9, 3, 6 },
                new int[] { 3 }, 10);

        assertThat(instance.solve()).containsExactly(0, UNASSIGNED, 0, 0);
    }

    @Test
    void a_row_gives_up_its_best_column_when_that_frees_it_for_a_row_that_needs_it_more() {
        // row 0: column 0 costs 0, column 1 costs 2; row 1: only column 0, cost 1; waiting costs 50
        Instance instance = new Instance(new int[] { 0, 2, 3 }, new int[] { 0, 1, 0 }, new int[] { 0, 2, 1 }, new int[] { 1, 1 }, 50);

        assertThat(instance.solve()).containsExactly(1, 0);
    }

    @Test
    void a_row_without_arcs_a_full_column_and_no_rows_at_all() {
        Instance noArcs = new Instance(new int[] { 0, 0 }, new int[0], new int[0], new int[] { 2 }, 5);
        Instance noRoom = new Instance(new int[] { 0, 1 }, new int[] { 0 }, new int[] { 0 }, new int[] { 0 }, 5);
        Instance noRows = new Instance(new int[] { 0 }, new int[0], new int[0], new int[] { 1 }, 5);

        assertThat(noArcs.solve()).containsExactly(UNASSIGNED);
        assertThat(noRoom.solve()).containsExactly(UNASSIGNED);
        assertThat(noRows.solve()).isEmpty();
    }

    @Test
    void negative_costs_and_capacities_are_refused() {
        assertThatThrownBy(() -> CapacitatedAssignment.solve(new int[] { 0, 1 }, new int[] { 0 }, new int[] { -1 }, new int[] { 1 }, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CapacitatedAssignment.solve(new int[] { 0, 1 }, new int[] { 0 }, new int[] { 1 }, new int[] { -1 }, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CapacitatedAssignment.solve(new int[] { 0, 1 }, new int[] { 0 }, new int[] { 1 }, new int[] { 1 }, -5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
