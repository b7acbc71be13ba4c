package dev.sparsest.linalg;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The screened residual equals the residual of a full least-squares solve with the column appended. */
class ColumnScreenTest {
    @Test
    void agreesWithAFullSolveWithTheColumnAppended() {
        SplittableRandom r = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            int m = 3 + r.nextInt(40);
            int n = 1 + r.nextInt(Math.min(m - 2, 8));
            double[][] a = new double[m][n];
            double[][] full = new double[m][n + 1];
            double[] b = new double[m];
            double[] c = new double[m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = r.nextGaussian();
                    full[i][j] = a[i][j];
                }
                c[i] = trial % 10 == 0 ? a[i][0] * 2 : Math.max(0, r.nextGaussian()); // some columns in A's span
                full[i][n] = c[i];
                b[i] = r.nextGaussian() * 3;
            }
            ColumnScreen screen = ColumnScreen.of(a, b);
            assertEquals(residual(a, b), screen.residual(), 1e-9 * (1 + screen.residual()));
            double expected = residual(trial % 10 == 0 ? a : full, b);
            assertEquals(expected, screen.residualWith(c.clone()), 1e-9 * (1 + expected), "trial " + trial);
        }
        assertThrows(IllegalArgumentException.class, () -> ColumnScreen.of(new double[2][2], new double[2]));
    }

    private static double residual(double[][] a, double[] b) {
        double[] x = LeastSquares.solve(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double f = -b[i];
            for (int j = 0; j < x.length; j++) {
                f += a[i][j] * x[j];
            }
            s += f * f;
        }
        return s;
    }
}
