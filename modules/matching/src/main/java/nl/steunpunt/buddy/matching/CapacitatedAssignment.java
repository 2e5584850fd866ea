package nl.steunpunt.buddy.matching;

/**
 * Exact minimum-cost assignment of rows to columns that have a capacity, where a row may also stay
 * unassigned at a fixed cost; only the allowed (row, column) arcs are given. This is the Hungarian
 * method in its sparse, capacitated form (successive shortest augmenting paths, as in
 * Jonker–Volgenant): rows are added one at a time, and each is routed along a shortest augmenting
 * path found by Dijkstra on reduced costs, which keeps the assignment of the rows so far optimal.
 *
 * <p>In network terms: each row sends one unit to a sink, either through one of its columns (arc
 * cost, then the column's capacity) or directly (the waiting cost); with all costs non-negative
 * this is a minimum-cost flow, and successive shortest paths solve it exactly. Potentials
 * ({@code rowPotential}, {@code columnPotential}; the sink's stays 0) keep every residual arc's
 * reduced cost non-negative, an assigned arc's exactly 0. A column with room left keeps potential 0
 * (it is never settled), so reaching it reaches the sink at the same distance. The search for one
 * row stops at the first sink distance no open label can beat, and it only ever looks at allowed
 * arcs: its work is the arcs of the rows it may displace, not rows × columns; and a buddy with
 * capacity k is one column, not k.
 */
final class CapacitatedAssignment {

    /** The column of a row that stays unassigned. */
    static final int UNASSIGNED = -1;

    private static final long INFINITE = Long.MAX_VALUE / 4;

    private final int[] rowStart;
    private final int[] arcColumn;
    private final int[] arcCost;
    private final int[] capacity;
    private final int waitCost;

    private final int[] columnOf;
    private final int[] assignedCost;
    private final long[] rowPotential;
    private final long[] columnPotential;
    /** The rows a column holds: slotRow[slotStart[c] .. slotStart[c] + load[c]). */
    private final int[] slotStart;
    private final int[] slotRow;
    private final int[] slotOfRow;
    private final int[] load;

    // one shortest-path search; an entry is valid only when its stamp is the current epoch
    private int epoch;
    private final long[] columnDistance;
    private final int[] columnSeen;
    private final int[] columnDone;
    private final int[] predecessorRow;
    private final int[] predecessorCost;
    private final long[] rowDistance;
    private final int[] settledColumns;
    private int settledCount;
    private final int[] reachedRows;
    private int reachedCount;
    private final int[] heap;
    private final int[] heapPosition;
    private int heapSize;
    private long shortest;
    private int endColumn;
    private int endRow;

    private CapacitatedAssignment(int[] rowStart, int[] arcColumn, int[] arcCost, int[] capacity, int waitCost) {
        this.rowStart = rowStart;
        this.arcColumn = arcColumn;
        this.arcCost = arcCost;
        this.capacity = capacity;
        this.waitCost = waitCost;
        int rows = rowStart.length - 1;
        int columns = capacity.length;
        columnOf = new int[rows];
        java.util.Arrays.fill(columnOf, UNASSIGNED);
        assignedCost = new int[rows];
        rowPotential = new long[rows];
        columnPotential = new long[columns];
        slotStart = new int[columns + 1];
        for (int c = 0; c < columns; c++) {
            slotStart[c + 1] = slotStart[c] + Math.min(capacity[c], rows);
        }
        slotRow = new int[slotStart[columns]];
        slotOfRow = new int[rows];
        load = new int[columns];
        columnDistance = new long[columns];
        columnSeen = new int[columns];
        columnDone = new int[columns];
        predecessorRow = new int[columns];
        predecessorCost = new int[columns];
        rowDistance = new long[rows];
        settledColumns = new int[columns];
        reachedRows = new int[rows];
        heap = new int[columns];
        heapPosition = new int[columns];
    }

    /**
     * The assignment of least total cost: the arc costs of the assigned rows plus {@code waitCost}
     * for each unassigned row, each column taking at most its capacity.
     *
     * @param rowStart  the arcs of row r are {@code rowStart[r]} up to {@code rowStart[r + 1]}; length rows + 1
     * @param arcColumn the column of each arc (at most one arc per row and column)
     * @param arcCost   the cost of each arc, 0 or more
     * @param capacity  for each column, how many rows it may take, 0 or more
     * @param waitCost  the cost of leaving a row unassigned, 0 or more
     * @return for each row its column, or {@link #UNASSIGNED}
     */
    static int[] solve(int[] rowStart, int[] arcColumn, int[] arcCost, int[] capacity, int waitCost) {
        if (waitCost < 0) {
            throw new IllegalArgumentException("Negative waiting cost");
        }
        for (int a = 0; a < rowStart[rowStart.length - 1]; a++) {
            if (arcCost[a] < 0) {
                throw new IllegalArgumentException("Negative arc cost");
            }
        }
        for (int c : capacity) {
            if (c < 0) {
                throw new IllegalArgumentException("Negative capacity");
            }
        }
        CapacitatedAssignment solver = new CapacitatedAssignment(rowStart, arcColumn, arcCost, capacity, waitCost);
        for (int row = 0; row < rowStart.length - 1; row++) {
            solver.add(row);
        }
        return solver.columnOf.clone();
    }

    /** Routes one more row along a shortest augmenting path and updates the potentials. */
    private void add(int row) {
        epoch++;
        settledCount = 0;
        reachedCount = 0;
        heapSize = 0;
        shortest = INFINITE;
        endColumn = UNASSIGNED;
        endRow = UNASSIGNED;
        rowPotential[row] = 0;
        scan(row, 0);
        while (heapSize > 0 && columnDistance[heap[0]] < shortest) {
            int column = pop();
            columnDone[column] = epoch;
            settledColumns[settledCount++] = column;
            long distance = columnDistance[column];
            for (int s = slotStart[column], end = s + load[column]; s < end; s++) {
                int held = slotRow[s];
                long reached = distance - assignedCost[held] + columnPotential[column] - rowPotential[held];
                if (reached < shortest) {
                    scan(held, reached);
                }
            }
        }
        for (int i = 0; i < settledCount; i++) {
            int column = settledColumns[i];
            columnPotential[column] += Math.min(columnDistance[column], shortest) - shortest;
        }
        for (int i = 0; i < reachedCount; i++) {
            int reached = reachedRows[i];
            rowPotential[reached] += Math.min(rowDistance[reached], shortest) - shortest;
        }
        augment();
    }

    /** Reaches a row at a distance: its waiting arc and its arcs to columns not settled yet. */
    private void scan(int row, long distance) {
        rowDistance[row] = distance;
        reachedRows[reachedCount++] = row;
        long base = distance + rowPotential[row];
        if (base + waitCost < shortest) {
            shortest = base + waitCost;
            endRow = row;
            endColumn = UNASSIGNED;
        }
        for (int a = rowStart[row], end = rowStart[row + 1]; a < end; a++) {
            int column = arcColumn[a];
            long candidate = base + arcCost[a] - columnPotential[column];
            if (candidate >= shortest || columnDone[column] == epoch) {
                continue;
            }
            boolean seen = columnSeen[column] == epoch;
            if (seen && candidate >= columnDistance[column]) {
                continue;
            }
            columnDistance[column] = candidate;
            predecessorRow[column] = row;
            predecessorCost[column] = arcCost[a];
            if (load[column] < capacity[column]) {
                // room left (potential 0): the sink is reached at this distance; no need to go on from here
                shortest = candidate + columnPotential[column];
                endColumn = column;
                endRow = UNASSIGNED;
                columnSeen[column] = epoch;
            } else if (seen) {
                siftUp(heapPosition[column]);
            } else {
                columnSeen[column] = epoch;
                heap[heapSize] = column;
                heapPosition[column] = heapSize;
                siftUp(heapSize++);
            }
        }
    }

    /** Flips the assignments along the shortest path found. */
    private void augment() {
        int column;
        if (endColumn != UNASSIGNED) {
            column = endColumn;
        } else {
            column = columnOf[endRow];
            if (column != UNASSIGNED) {
                leave(endRow, column);
            }
            columnOf[endRow] = UNASSIGNED;
        }
        while (column != UNASSIGNED) {
            int row = predecessorRow[column];
            int previous = columnOf[row];
            if (previous != UNASSIGNED) {
                leave(row, previous);
            }
            take(row, column, predecessorCost[column]);
            column = previous;
        }
    }

    private void take(int row, int column, int cost) {
        int slot = slotStart[column] + load[column]++;
        slotRow[slot] = row;
        slotOfRow[row] = slot;
        columnOf[row] = column;
        assignedCost[row] = cost;
    }

    private void leave(int row, int column) {
        int last = slotStart[column] + --load[column];
        int slot = slotOfRow[row];
        slotRow[slot] = slotRow[last];
        slotOfRow[slotRow[slot]] = slot;
    }

    private int pop() {
        int top = heap[0];
        heap[0] = heap[--heapSize];
        heapPosition[heap[0]] = 0;
        siftDown(0);
        return top;
    }

    private void siftUp(int index) {
        int column = heap[index];
        long key = columnDistance[column];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (columnDistance[heap[parent]] <= key) {
                break;
            }
            heap[index] = heap[parent];
            heapPosition[heap[index]] = index;
            index = parent;
        }
        heap[index] = column;
        heapPosition[column] = index;
    }

    private void siftDown(int index) {
        if (heapSize == 0) {
            return;
        }
        int column = heap[index];
        long key = columnDistance[column];
        while (true) {
            int child = 2 * index + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && columnDistance[heap[child + 1]] < columnDistance[heap[child]]) {
                child++;
            }
            if (columnDistance[heap[child]] >= key) {
                break;
            }
            heap[index] = heap[child];
            heapPosition[heap[index]] = index;
            index = child;
        }
        heap[index] = column;
        heapPosition[column] = index;
    }
}
