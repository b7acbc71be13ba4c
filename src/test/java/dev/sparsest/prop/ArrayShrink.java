package dev.sparsest.prop;

import java.util.ArrayList;
import java.util.List;

/** Shrinking of parallel arrays (rows of a dataset): halves first, then single-row removals. */
public final class ArrayShrink {
    private ArrayShrink() {
    }

    /**
     * Candidates for rows of parallel columns, keeping at least {@code minRows}: the first and the
     * second half, then every single row removed (up to 64 of them, spread over the rows).
     */
    public static List<double[][]> rows(double[][] columns, int minRows) {
        int n = columns[0].length;
        List<double[][]> out = new ArrayList<>();
        if (n / 2 >= minRows && n > 1) {
            out.add(slice(columns, 0, n / 2));
            out.add(slice(columns, n - n / 2, n));
        }
        if (n - 1 >= minRows) {
            int step = Math.max(1, n / 64);
            for (int i = 0; i < n; i += step) {
                out.add(without(columns, i));
            }
        }
        return out;
    }

    static double[][] slice(double[][] cols, int from, int to) {
        double[][] r = new double[cols.length][];
        for (int c = 0; c < cols.length; c++) {
            r[c] = java.util.Arrays.copyOfRange(cols[c], from, to);
        }
        return r;
    }

    static double[][] without(double[][] cols, int row) {
        double[][] r = new double[cols.length][];
        for (int c = 0; c < cols.length; c++) {
            double[] col = cols[c];
            double[] s = new double[col.length - 1];
            System.arraycopy(col, 0, s, 0, row);
            System.arraycopy(col, row + 1, s, row, col.length - row - 1);
            r[c] = s;
        }
        return r;
    }
}
