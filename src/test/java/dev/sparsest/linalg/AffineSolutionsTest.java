package dev.sparsest.linalg;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every solution of A x = b as x0 + Z theta: on random rank-deficient systems (A = B C with inner
 * dimension r), consistent right-hand sides give a solution set of dimension n - r whose points
 * all solve the system (checked at random theta, to 1e-10 relative), and b off the range gives
 * none.
 */
class AffineSolutionsTest {
    @Test
    void solutionSetsOfRankDeficientSystems() {
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < 300; t++) {
            int rows = 1 + random.nextInt(8);
            int cols = 1 + random.nextInt(8);
            int rank = 1 + random.nextInt(Math.min(rows, cols));
            double[][] a = product(gaussian(random, rows, rank), gaussian(random, rank, cols));
            double[] x = gaussian(random, 1, cols)[0];
            double[] b = times(a, x);
            AffineSolutions s = AffineSolutions.of(a, cols, b, 1e-10, 1e-9);
            assertNotNull(s, "consistent system " + t);
            assertEquals(cols - rank, s.freedom(), "the null space's dimension");
            double[] point = s.particular();
            double[][] z = s.nullBasis();
            for (double[] v : z) {
                double step = random.nextGaussian();
                for (int j = 0; j < cols; j++) {
                    point[j] += step * v[j];
                }
            }
            double[] got = times(a, point);
            for (int i = 0; i < rows; i++) {
                assertEquals(b[i], got[i], 1e-10 * (1 + Math.abs(b[i])) * (1 + norm(point)), "row " + i + " of system " + t);
            }
            if (rank < rows) { // a right-hand side with a component off the range
                double[] off = b.clone();
                off[random.nextInt(rows)] += 1;
                AffineSolutions none = AffineSolutions.of(a, cols, off, 1e-10, 1e-9);
                assertTrue(none == null || consistent(a, off, none), "no solution claimed for an inconsistent system " + t);
            }
        }
    }

    @Test
    void anInconsistentSystemHasNoSolution() {
        assertNull(AffineSolutions.of(new double[][] {{1, 1}, {1, 1}}, 2, new double[] {1, 2}, 1e-10, 1e-9));
    }

    /** Whether the claimed solution really solves it (when the perturbation happened to stay in the range). */
    private static boolean consistent(double[][] a, double[] b, AffineSolutions s) {
        double[] got = times(a, s.particular());
        for (int i = 0; i < b.length; i++) {
            if (Math.abs(got[i] - b[i]) > 1e-8 * (1 + Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    private static double[][] gaussian(SplittableRandom r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    private static double[][] product(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[] times(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
        }
        return y;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
