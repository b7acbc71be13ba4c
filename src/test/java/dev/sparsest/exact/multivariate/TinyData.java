package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.prop.ArrayShrink;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Shrinker;

import java.util.Arrays;

/** Tiny multivariate test data as columns (d inputs, then y); shrinks by dropping rows. */
record TinyData(double[][] columns) {
    /** Fast sizes for the oracle (about 0.2 s at the largest): N &lt;= 6 in d = 1, 4 in d = 2, 3 in d = 3. */
    static final int[] MAX_ROWS_FAST = {0, 6, 4, 3};

    int d() {
        return columns.length - 1;
    }

    int n() {
        return columns[0].length;
    }

    MultivariateDataset dataset() {
        double[][] rows = new double[n()][d()];
        for (int i = 0; i < n(); i++) {
            for (int t = 0; t < d(); t++) {
                rows[i][t] = columns[t][i];
            }
        }
        return MultivariateDataset.of(rows, columns[d()]);
    }

    /**
     * Inputs on a grid of step 0.25 in [-1, 1] (ties and collinear points happen; every product
     * the enumeration forms of them is exact, so degenerate positions are exactly degenerate),
     * targets in [-1, 1] rounded to 0.1 or of one sign; distinct input rows.
     */
    static Gen<TinyData> grid() {
        return data(true);
    }

    /** Gaussian inputs (general position), else as {@link #grid()}: some are refused as ill-conditioned. */
    static Gen<TinyData> gaussian() {
        return data(false);
    }

    private static Gen<TinyData> data(boolean grid) {
        return r -> {
            int d = 1 + r.nextInt(3);
            int n = 2 + r.nextInt(MAX_ROWS_FAST[d] - 1);
            boolean oneSign = r.nextInt(4) == 0;
            double[][] cols = new double[d + 1][n];
            for (int i = 0; i < n; i++) {
                do {
                    for (int t = 0; t < d; t++) {
                        cols[t][i] = grid ? (r.nextInt(9) - 4) * 0.25 : r.nextGaussian();
                    }
                } while (repeatsAnEarlierRow(cols, d, i));
                double y = Math.round((2 * r.nextDouble() - 1) * 10) / 10.0;
                cols[d][i] = oneSign ? Math.abs(y) + 0.1 : y;
            }
            return new TinyData(cols);
        };
    }

    /** Gaussian inputs: general position with probability one. */
    static Gen<TinyData> generalPosition(int d, int maxRows) {
        return r -> {
            int n = 2 + r.nextInt(maxRows - 1);
            double[][] cols = new double[d + 1][n];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t <= d; t++) {
                    cols[t][i] = r.nextGaussian();
                }
            }
            return new TinyData(cols);
        };
    }

    private static boolean repeatsAnEarlierRow(double[][] cols, int d, int i) {
        for (int j = 0; j < i; j++) {
            boolean same = true;
            for (int t = 0; t < d; t++) {
                same &= cols[t][j] == cols[t][i];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    static Shrinker<TinyData> shrinker() {
        return t -> ArrayShrink.rows(t.columns, 2).stream().map(TinyData::new).toList();
    }

    @Override
    public String toString() {
        return "d=" + d() + " n=" + n() + " columns=" + Arrays.deepToString(columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TinyData && Arrays.deepEquals(columns, ((TinyData) o).columns);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(columns);
    }
}
