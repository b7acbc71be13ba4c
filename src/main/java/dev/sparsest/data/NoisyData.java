package dev.sparsest.data;

import java.util.Arrays;

/**
 * Validated noisy univariate data for the fitting (not interpolating) modes: distinct abscissae
 * x_1 &lt; ... &lt; x_n, and at each the mean of its measurements (with their count as weight) and the
 * tube [lower, upper] that a tube fit must pass through. Immutable.
 *
 * <p>Unlike {@link UnivariateDataset}, a repeated x with different y is normal here (repeated
 * measurements): the penalized fit uses the mean with weight = count (the same minimizer as
 * fitting every row), the tube fit the intersection of the rows' tubes. A tolerance is per row:
 * one for all rows, or a third CSV column.
 */
public final class NoisyData {
    private final double[] x;
    private final double[] mean;
    private final double[] weight;
    private final double[] lower;
    private final double[] upper;
    private final int rows;
    private final String tubeConflict; // null when every tube intersection is nonempty
    /** Per distinct x: the least and the largest y of its rows. */
    private final double[] lowestY;
    private final double[] highestY;
    private final double withinSumOfSquares;
    private final double totalSumOfSquares;

    private NoisyData(double[] x, double[] mean, double[] weight, double[] lower, double[] upper, int rows,
                      String tubeConflict, double[] lowestY, double[] highestY, double withinSumOfSquares,
                      double totalSumOfSquares) {
        this.lowestY = lowestY;
        this.highestY = highestY;
        this.withinSumOfSquares = withinSumOfSquares;
        this.totalSumOfSquares = totalSumOfSquares;
        this.x = x;
        this.mean = mean;
        this.weight = weight;
        this.lower = lower;
        this.upper = upper;
        this.rows = rows;
        this.tubeConflict = tubeConflict;
    }

    /** Rows (x_i, y_i) with tolerance 0: the tube is the data themselves. */
    public static NoisyData of(double[] x, double[] y) {
        return of(x, y, 0);
    }

    /** Rows (x_i, y_i), each with the same tolerance {@code eps >= 0}. */
    public static NoisyData of(double[] x, double[] y, double eps) {
        if (x == null || y == null) {
            throw new InvalidDataException("x and y must not be null");
        }
        double[] e = new double[x.length];
        Arrays.fill(e, eps);
        return withTolerances(x, y, e);
    }

    /** Rows (x_i, y_i), row i with tolerance {@code eps[i] >= 0}. The arrays are copied. */
    public static NoisyData withTolerances(double[] x, double[] y, double[] eps) {
        if (x == null || y == null || eps == null) {
            throw new InvalidDataException("x, y and the tolerances must not be null");
        }
        if (x.length != y.length || x.length != eps.length) {
            throw new InvalidDataException("lengths differ: " + x.length + " x values, " + y.length + " y values, "
                    + eps.length + " tolerances");
        }
        return build(x, y, eps, RowLabels.indices());
    }

    static NoisyData fromRows(double[] x, double[] y, double[] eps, String source, int[] lineNumbers) {
        return build(x, y, eps, RowLabels.lines(source, lineNumbers));
    }

    private static NoisyData build(double[] x, double[] y, double[] eps, RowLabels labels) {
        int n = x.length;
        if (n == 0) {
            throw new InvalidDataException("no data points");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new InvalidDataException("non-finite value at " + labels.of(i) + ": x = " + x[i] + ", y = " + y[i]);
            }
            if (!(eps[i] >= 0) || Double.isInfinite(eps[i])) {
                throw new InvalidDataException("the tolerance at " + labels.of(i) + " must be finite and >= 0: " + eps[i]);
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.byValue(order, x);
        double[] ux = new double[n];
        double[] sum = new double[n];
        double[] count = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int[] loRow = new int[n]; // the row whose tube bounds the group's from below, and from above
        int[] hiRow = new int[n];
        String conflict = null;
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double l = y[i] - eps[i];
            double u = y[i] + eps[i];
            if (m > 0 && x[i] == ux[m - 1]) {
                sum[m - 1] += y[i];
                count[m - 1]++;
                if (l > lo[m - 1]) {
                    lo[m - 1] = l;
                    loRow[m - 1] = i;
                }
                if (u < hi[m - 1]) {
                    hi[m - 1] = u;
                    hiRow[m - 1] = i;
                }
                if (conflict == null && lo[m - 1] > hi[m - 1]) {
                    int a = Math.min(loRow[m - 1], hiRow[m - 1]);
                    int b = Math.max(loRow[m - 1], hiRow[m - 1]);
                    conflict = "the tubes of the rows at x = " + x[i] + " do not overlap (" + labels.of(a) + " has y = " + y[a]
                            + " +- " + eps[a] + ", " + labels.of(b) + " has y = " + y[b] + " +- " + eps[b]
                            + "): no function passes through both";
                }
                continue;
            }
            ux[m] = x[i] == 0.0 ? 0.0 : x[i];
            sum[m] = y[i];
            count[m] = 1;
            lo[m] = l;
            hi[m] = u;
            loRow[m] = i;
            hiRow[m] = i;
            m++;
        }
        if (conflict != null) {
            boolean uniform = true;
            for (int i = 1; i < n && uniform; i++) {
                uniform = eps[i] == eps[0];
            }
            conflict += "; " + (uniform ? "" : "with one tolerance for every row, ") + SmallestTube.advice(SmallestTube.tolerance(x, y, order));
        }
        double[] mean = new double[m];
        for (int j = 0; j < m; j++) {
            mean[j] = sum[j] / count[j];
        }
        // the rows' spread, a second pass over the sorted rows (group g: the rows of the g-th x)
        double[] lowest = new double[m];
        double[] highest = new double[m];
        double within = 0;
        double total = 0;
        double grand = 0;
        for (int i = 0; i < n; i++) {
            grand += y[i] / n;
        }
        int g = -1;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (g < 0 || x[i] != ux[g]) {
                g++;
                lowest[g] = y[i];
                highest[g] = y[i];
            }
            lowest[g] = Math.min(lowest[g], y[i]);
            highest[g] = Math.max(highest[g], y[i]);
            double r = y[i] - mean[g];
            within += r * r;
            double t = y[i] - grand;
            total += t * t;
        }
        return new NoisyData(Arrays.copyOf(ux, m), mean, Arrays.copyOf(count, m), Arrays.copyOf(lo, m),
                Arrays.copyOf(hi, m), n, conflict, lowest, highest, within, total);
    }

    /**
     * The same rows with every tube {@code delta >= 0} wider on both sides (bounds rounded
     * outward by at most an ulp); tubes that met still meet.
     */
    public NoisyData widenedBy(double delta) {
        if (!(delta >= 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("a tube is widened by a finite delta >= 0, found " + delta);
        }
        int m = x.length;
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0; i < m; i++) {
            lo[i] = lower[i] - delta;
            hi[i] = upper[i] + delta;
        }
        return new NoisyData(x, mean, weight, lo, hi, rows, tubeConflict, lowestY, highestY, withinSumOfSquares, totalSumOfSquares);
    }

    /** Distinct abscissae. */
    public int size() {
        return x.length;
    }

    /** Rows before repeated x were grouped. */
    public int rows() {
        return rows;
    }

    public double x(int i) {
        return x[i];
    }

    /** Mean of the measurements at x(i). */
    public double mean(int i) {
        return mean[i];
    }

    /** Number of measurements at x(i). */
    public double weight(int i) {
        return weight[i];
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    public double[] xs() {
        return x.clone();
    }

    public double[] means() {
        return mean.clone();
    }

    /** The means as interpolation data (the points a plot shows). */
    public UnivariateDataset univariateMeans() {
        return UnivariateDataset.of(x, mean);
    }

    /** The least y among the rows at x(i). */
    public double lowestY(int i) {
        return lowestY[i];
    }

    /** The largest y among the rows at x(i). */
    public double highestY(int i) {
        return highestY[i];
    }

    /**
     * sum over rows of (y - mean at its x)^2: the part of every function's RSS over the rows that
     * no function can remove (0 without repeated x). A fit's RSS over the rows is this plus
     * sum_i weight(i) (f(x_i) - mean(i))^2.
     */
    public double withinSumOfSquares() {
        return withinSumOfSquares;
    }

    /** sum over rows of (y - mean of all y)^2: the RSS of the best constant, for R^2. */
    public double totalSumOfSquares() {
        return totalSumOfSquares;
    }

    /** Refuses fewer than two distinct x. */
    public void requireTwoPoints() {
        if (size() < 2) {
            throw new InvalidDataException(size() + " distinct x (after grouping repeated x): at least 2 are needed");
        }
    }

    /** Refuses data where the tubes of rows with the same x do not intersect. */
    public void requireTube() {
        if (tubeConflict != null) {
            throw new InvalidDataException(tubeConflict);
        }
    }

    /** max |y| over the means and tube ends, at least the smallest normal double. */
    public double yScale() {
        double s = Double.MIN_NORMAL;
        for (int i = 0; i < x.length; i++) {
            s = Math.max(s, Math.max(Math.abs(mean[i]), Math.max(Math.abs(lower[i]), Math.abs(upper[i]))));
        }
        return s;
    }
}
