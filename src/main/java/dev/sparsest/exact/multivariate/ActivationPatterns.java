package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct activation patterns D = diag(1[X u &gt;= 0]) a neuron u in R^(d+1) can have on the
 * data (rows of X: [x_i; 1]): one per cell of the arrangement of the hyperplanes x_i . u = 0.
 * Patterns of points on a hyperplane add nothing: the pure bias direction (0, ..., 0, 1) is
 * positive on every row, so a tie can always be broken towards "active", which is a cell's
 * pattern. Bit i of a pattern is 1 when row i is active.
 */
public final class ActivationPatterns {
    /** Rows are bits of a long. */
    public static final int MAX_ROWS = 62;

    private ActivationPatterns() {
    }

    /** The patterns of the data, sorted; the all-inactive and all-active patterns are among them. */
    public static long[] of(MultivariateDataset data) {
        int n = data.size();
        int d = data.dimension();
        if (n > MAX_ROWS) {
            throw new IllegalArgumentException("activation patterns are enumerated for at most " + MAX_ROWS
                    + " rows, found " + n);
        }
        List<double[]> normals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            normals.add(row(data, i));
        }
        List<double[]> cells = CentralArrangement.cells(normals, d + 1);
        long[] patterns = new long[cells.size()];
        for (int c = 0; c < patterns.length; c++) {
            long bits = 0;
            for (int i = 0; i < n; i++) {
                if (CentralArrangement.dot(normals.get(i), cells.get(c)) > 0) {
                    bits |= 1L << i;
                }
            }
            patterns[c] = bits;
        }
        Arrays.sort(patterns);
        return patterns;
    }

    /**
     * Cover's count of the cells of N hyperplanes through the origin of R^(d+1) in general
     * position, 2 sum_{k=0}^{d} C(N - 1, k): the number of patterns for data in general
     * position, an upper bound otherwise.
     */
    public static long coverBound(int n, int d) {
        long sum = 0;
        long binomial = 1; // C(n - 1, k)
        for (int k = 0; k <= d && k <= n - 1; k++) {
            sum += binomial;
            binomial = binomial * (n - 1 - k) / (k + 1);
        }
        return 2 * sum;
    }

    /** [x_i; 1]. */
    static double[] row(MultivariateDataset data, int i) {
        int d = data.dimension();
        double[] r = new double[d + 1];
        for (int t = 0; t < d; t++) {
            r[t] = data.x(i, t);
        }
        r[d] = 1;
        return r;
    }
}
