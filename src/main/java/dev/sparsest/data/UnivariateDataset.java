package dev.sparsest.data;

import java.util.Arrays;

/**
 * Validated univariate data: x strictly increasing, every value finite. Immutable.
 *
 * <p>Construction sorts by x, merges exact duplicate points and rejects a repeated x with a
 * different y, NaN or infinite values, mismatched lengths and empty input. One or two points are
 * valid data (their interpolant is affine).
 */
public final class UnivariateDataset {
    private final double[] x;
    private final double[] y;
    private final int mergedDuplicates;

    private UnivariateDataset(double[] x, double[] y, int mergedDuplicates) {
        this.x = x;
        this.y = y;
        this.mergedDuplicates = mergedDuplicates;
    }

    /** Data from two arrays of the same length; the arrays are copied, not kept. */
    public static UnivariateDataset of(double[] x, double[] y) {
        if (x == null || y == null) {
            throw new InvalidDataException("x and y must not be null");
        }
        if (x.length != y.length) {
            throw new InvalidDataException(
                    "x and y differ in length: " + x.length + " x values, " + y.length + " y values");
        }
        return build(x.clone(), y.clone(), RowLabels.indices());
    }

    /** Data read from a CSV source, errors named by the given line numbers (one per row). */
    static UnivariateDataset fromRows(double[] x, double[] y, String source, int[] lineNumbers) {
        return build(x, y, RowLabels.lines(source, lineNumbers));
    }

    private static UnivariateDataset build(double[] x, double[] y, RowLabels labels) {
        int n = x.length;
        if (n == 0) {
            throw new InvalidDataException("no data points");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new InvalidDataException("non-finite value at " + labels.of(i)
                        + ": x = " + x[i] + ", y = " + y[i]);
            }
        }
        int[] order = sortedOrder(x);
        double[] sx = new double[n];
        double[] sy = new double[n];
        int m = 0;
        int last = -1;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (m > 0 && x[i] == sx[m - 1]) {
                if (y[i] != sy[m - 1]) {
                    throw new InvalidDataException("repeated x = " + x[i] + " with different y: "
                            + labels.of(last) + " has y = " + sy[m - 1] + ", "
                            + labels.of(i) + " has y = " + y[i] + "; no function interpolates both: "
                            + SmallestTube.advice(SmallestTube.tolerance(x, y, order)));
                }
                continue; // exact duplicate point: merged
            }
            sx[m] = x[i] == 0.0 ? 0.0 : x[i]; // -0.0 and 0.0 are the same abscissa
            sy[m] = y[i];
            last = i;
            m++;
        }
        if (m < n) {
            sx = Arrays.copyOf(sx, m);
            sy = Arrays.copyOf(sy, m);
        }
        return new UnivariateDataset(sx, sy, n - m);
    }

    /** Stable order of indices by x; the identity when x is already sorted (the common case). */
    private static int[] sortedOrder(double[] x) {
        int n = x.length;
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (i > 0 && x[i - 1] > x[i]) {
                sorted = false;
            }
        }
        if (!sorted) {
            IndexSort.byValue(order, x);
        }
        return order;
    }

    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** A copy of the sorted abscissae. */
    public double[] xs() {
        return x.clone();
    }

    /** A copy of the ordinates, in the order of {@link #xs()}. */
    public double[] ys() {
        return y.clone();
    }

    /** How many exact duplicate points were merged on construction. */
    public int mergedDuplicates() {
        return mergedDuplicates;
    }

    /** max |y_i|, the scale that interpolation errors are measured against (at least 1e-300). */
    public double yScale() {
        double s = 0;
        for (double v : y) {
            s = Math.max(s, Math.abs(v));
        }
        return Math.max(s, Double.MIN_NORMAL);
    }

    @Override
    public String toString() {
        return "UnivariateDataset[n=" + x.length + "]";
    }

    /**
     * Refuses data with fewer than two distinct x (after repeated rows merged): every solver and
     * trainer needs two points to say anything about a slope.
     */
    public void requireTwoPoints() {
        if (size() < 2) {
            throw new InvalidDataException(size() + " distinct point" + (size() == 1 ? "" : "s")
                    + " (after merging repeated rows): at least 2 are needed");
        }
    }
}
