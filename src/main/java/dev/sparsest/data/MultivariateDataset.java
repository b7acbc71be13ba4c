package dev.sparsest.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Validated multivariate data: n rows of d finite inputs (row-major) and n finite targets.
 * Exact duplicate rows are merged; a repeated input row with a different target is an error
 * naming both rows. Immutable.
 */
public final class MultivariateDataset {
    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;

    private MultivariateDataset(double[] x, double[] y, int n, int d) {
        this.x = x;
        this.y = y;
        this.n = n;
        this.d = d;
    }

    /**
     * Rows x[i] (each of length d) and targets y[i] as points to interpolate: a repeated input row
     * with the same target is merged into one point, with another target refused. The arrays are
     * copied.
     */
    public static MultivariateDataset of(double[][] rows, double[] y) {
        return fromRows(rows, y, true);
    }

    /**
     * Rows and targets as samples for least squares (the trainer's regression): every row is
     * kept, repeated input rows included, whatever their targets. The arrays are copied.
     */
    public static MultivariateDataset samples(double[][] rows, double[] y) {
        return fromRows(rows, y, false);
    }

    private static MultivariateDataset fromRows(double[][] rows, double[] y, boolean points) {
        if (rows == null || y == null) {
            throw new InvalidDataException("inputs and targets must not be null");
        }
        if (rows.length != y.length) {
            throw new InvalidDataException("inputs and targets differ in length: " + rows.length + " rows, " + y.length + " targets");
        }
        if (rows.length == 0) {
            throw new InvalidDataException("no data points");
        }
        int d = rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new InvalidDataException("row " + i + " has " + rows[i].length + " inputs, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return build(flat, y.clone(), rows.length, d, RowLabels.indices(), points);
    }

    /** The first d columns as inputs and the last as the target; {@code points}: as {@link #of}, else as {@link #samples}. */
    static MultivariateDataset fromColumns(double[][] columns, String source, int[] lines, boolean points) {
        int d = columns.length - 1;
        if (d < 1) {
            throw new InvalidDataException(source + ": expected at least 2 columns (inputs, then y), found " + columns.length);
        }
        int n = columns[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                flat[i * d + t] = columns[t][i];
            }
        }
        return build(flat, columns[d].clone(), n, d, RowLabels.lines(source, lines), points);
    }

    private static MultivariateDataset build(double[] x, double[] y, int n, int d, RowLabels labels, boolean points) {
        if (d < 1) {
            throw new InvalidDataException("rows have no inputs");
        }
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                if (!Double.isFinite(x[i * d + t])) {
                    throw new InvalidDataException("non-finite input at " + labels.of(i) + ", column " + (t + 1) + ": " + x[i * d + t]);
                }
            }
            if (!Double.isFinite(y[i])) {
                throw new InvalidDataException("non-finite target at " + labels.of(i) + ": " + y[i]);
            }
        }
        if (!points) {
            return new MultivariateDataset(x, y, n, d);
        }
        Map<Row, Integer> seen = new HashMap<>();
        int[] keep = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            Row row = new Row(x, i * d, d);
            Integer first = seen.putIfAbsent(row, i);
            if (first == null) {
                keep[m++] = i;
            } else if (y[first] != y[i]) {
                throw new InvalidDataException("repeated input row with different targets: " + labels.of(first)
                        + " has y = " + y[first] + ", " + labels.of(i) + " has y = " + y[i]);
            }
        }
        if (m == n) {
            return new MultivariateDataset(x, y, n, d);
        }
        double[] nx = new double[m * d];
        double[] ny = new double[m];
        for (int r = 0; r < m; r++) {
            System.arraycopy(x, keep[r] * d, nx, r * d, d);
            ny[r] = y[keep[r]];
        }
        return new MultivariateDataset(nx, ny, m, d);
    }

    /** A row of the input matrix as a map key (equal when all entries are ==; -0.0 equals 0.0). */
    private static final class Row {
        final double[] a;
        final int off;
        final int len;

        Row(double[] a, int off, int len) {
            this.a = a;
            this.off = off;
            this.len = len;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Row)) {
                return false;
            }
            Row r = (Row) o;
            for (int t = 0; t < len; t++) {
                if (a[off + t] != r.a[r.off + t]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int t = 0; t < len; t++) {
                double v = a[off + t];
                h = 31 * h + Double.hashCode(v == 0.0 ? 0.0 : v);
            }
            return h;
        }
    }

    public int size() {
        return n;
    }

    /** The rows at these indices, in this order (a fold, a split); indices may not repeat. */
    public MultivariateDataset rows(int[] indices) {
        double[] nx = new double[indices.length * d];
        double[] ny = new double[indices.length];
        boolean[] taken = new boolean[n];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= n || taken[i]) {
                throw new IllegalArgumentException("row index out of range or repeated: " + i);
            }
            taken[i] = true;
            System.arraycopy(x, i * d, nx, r * d, d);
            ny[r] = y[i];
        }
        if (indices.length == 0) {
            throw new InvalidDataException("no data points");
        }
        return new MultivariateDataset(nx, ny, indices.length, d);
    }

    public int dimension() {
        return d;
    }

    /** A copy of the inputs, row-major (n rows of d). */
    public double[] inputs() {
        return x.clone();
    }

    public double[] targets() {
        return y.clone();
    }

    public double x(int i, int t) {
        return x[i * d + t];
    }

    public double y(int i) {
        return y[i];
    }

    @Override
    public String toString() {
        return "MultivariateDataset[n=" + n + ", d=" + d + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultivariateDataset && Arrays.equals(x, ((MultivariateDataset) o).x) && Arrays.equals(y, ((MultivariateDataset) o).y);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x) * 31 + Arrays.hashCode(y);
    }

    /** Refuses data with fewer than two points, as {@link UnivariateDataset#requireTwoPoints}. */
    public void requireTwoPoints() {
        if (size() < 2) {
            throw new InvalidDataException(size() + " point" + (size() == 1 ? "" : "s") + ": at least 2 are needed");
        }
    }
}
