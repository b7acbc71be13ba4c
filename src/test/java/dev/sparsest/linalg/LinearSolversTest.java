package dev.sparsest.linalg;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linear algebra of the post-processing and the penalized path, tested the way EJML tests its
 * solvers: one generic check (the solution satisfies its system to a backward-stable residual,
 * ||A x - b|| &lt;= 1e-12 (||A|| ||x|| + ||b||) in Frobenius and Euclidean norms) run against every
 * solver on seeded random systems of sizes 1-12, then each solver's own contract (least squares:
 * the residual is orthogonal to the columns; Gauss-Newton: the step is the minimum-norm one and
 * works with J's condition number; null vectors: A c = 0).
 */
class LinearSolversTest {
    private static final int SYSTEMS = 200;

    /** A solver of a square, well-conditioned system A x = b. */
    private interface Solver {
        double[] solve(double[][] a, double[] b);
    }

    private record Named(String name, Solver solver, boolean tridiagonalOnly) {
    }

    private static final List<Named> SOLVERS = List.of(
            new Named("LeastSquares", LeastSquares::solve, false),
            new Named("GaussNewton", (a, b) -> GaussNewton.minimumNormStep(a, negated(b)), false),
            new Named("Tridiagonal", LinearSolversTest::tridiagonal, true));

    @Test
    void everySolverSolvesWellConditionedSquareSystems() {
        for (Named s : SOLVERS) {
            SplittableRandom r = new SplittableRandom(s.name.hashCode());
            for (int t = 0; t < SYSTEMS; t++) {
                int n = 1 + r.nextInt(12);
                double[][] a = s.tridiagonalOnly ? randomTridiagonalSpd(r, n) : randomWellConditioned(r, n);
                double[] b = randomVector(r, n);
                double[] x = s.solver.solve(copy(a), b.clone());
                double residual = norm(subtract(multiply(a, x), b));
                // (Gauss-Newton's damping, 1e-14 ||A||_F^2 / n, moves a well-conditioned solution far less)
                assertTrue(residual <= 1e-12 * (frobenius(a) * norm(x) + norm(b)), s.name + " n = " + n + ": residual " + residual);
            }
        }
    }

    @Test
    void leastSquaresResidualIsOrthogonalToTheColumns() {
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < SYSTEMS; t++) {
            int cols = 1 + r.nextInt(8);
            int rows = cols + r.nextInt(10);
            double[][] a = new double[rows][cols];
            for (double[] row : a) {
                for (int j = 0; j < cols; j++) {
                    row[j] = r.nextGaussian();
                }
            }
            double[] y = randomVector(r, rows);
            double[] c = LeastSquares.solve(a, y);
            double[] residual = subtract(multiply(a, c), y);
            for (int j = 0; j < cols; j++) {
                double dot = 0;
                double scale = 0;
                for (int i = 0; i < rows; i++) {
                    dot += a[i][j] * residual[i];
                    scale += Math.abs(a[i][j]) * (Math.abs(residual[i]) + norm(y));
                }
                assertTrue(Math.abs(dot) <= 1e-12 * scale, "column " + j + ": A^T r = " + dot);
            }
        }
    }

    @Test
    void gaussNewtonTakesTheMinimumNormStepOfAnUnderdeterminedSystem() {
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < SYSTEMS; t++) {
            int rows = 1 + r.nextInt(6);
            int cols = rows + 1 + r.nextInt(6);
            double[][] j = new double[rows][cols];
            for (double[] row : j) {
                for (int q = 0; q < cols; q++) {
                    row[q] = r.nextGaussian();
                }
            }
            double[] residual = randomVector(r, rows);
            double[] step = GaussNewton.minimumNormStep(j, residual);
            assertNotNull(step);
            double miss = norm(add(multiply(j, step), residual));
            assertTrue(miss <= 1e-6 * norm(residual), "J step + r = " + miss);
            // minimum norm: the step lies in the row space of J, so it is orthogonal to every null vector
            double[][] rowsAndStep = new double[rows + 1][];
            System.arraycopy(j, 0, rowsAndStep, 0, rows);
            rowsAndStep[rows] = step;
            double[][] transposed = transpose(rowsAndStep);
            assertNotNull(NullSpace.vector(transposed, rows + 1, 1e-9), "the step is a combination of J's rows");
        }
    }

    @Test
    void gaussNewtonWorksWithTheConditionNumberOfJNotItsSquare() {
        // J = U diag(1, 1e-6) V^T, rotated so that J J^T is not diagonal: forming J J^T rounds
        // its small eigenvalue (1e-12) with an error of u times the large one, 1e-4 of it; a QR of
        // [J; sqrt(mu) I] keeps the damped step to about u times J's condition number
        double a = 0.6;
        double b = 0.8; // a rotation: a^2 + b^2 = 1 exactly in doubles (0.36 + 0.64)
        double small = 1e-6;
        double[][] u = {{a, -b}, {b, a}};
        double[][] vt = {{b, a, 0}, {-a, b, 0}}; // rows of V^T (orthonormal)
        double[][] j = new double[2][3];
        for (int i = 0; i < 2; i++) {
            for (int q = 0; q < 3; q++) {
                j[i][q] = u[i][0] * 1 * vt[0][q] + u[i][1] * small * vt[1][q];
            }
        }
        double[] r = {0.3, -0.7};
        double mu = 1e-14 * (1 + small * small) / 2;
        // the damped step -V diag(s / (s^2 + mu)) U^T r, from the factors
        double[] ur = {u[0][0] * r[0] + u[1][0] * r[1], u[0][1] * r[0] + u[1][1] * r[1]};
        double c0 = -ur[0] * 1 / (1 + mu);
        double c1 = -ur[1] * small / (small * small + mu);
        double[] expected = new double[3];
        for (int q = 0; q < 3; q++) {
            expected[q] = c0 * vt[0][q] + c1 * vt[1][q];
        }
        double[] step = GaussNewton.minimumNormStep(j, r);
        double error = norm(subtract(step, expected));
        assertTrue(error <= 1e-8 * norm(expected), "step off by " + error / norm(expected) + " relative");
        assertNull(GaussNewton.minimumNormStep(new double[][] {{0, 0}}, new double[] {1}), "a zero Jacobian gives no step");
    }

    @Test
    void nullVectorsOfRankDeficientMatrices() {
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < SYSTEMS; t++) {
            int rows = 1 + r.nextInt(6);
            int cols = 2 + r.nextInt(6);
            int rank = 1 + r.nextInt(Math.min(rows, cols - 1));
            double[][] left = new double[rows][rank];
            double[][] right = new double[rank][cols];
            for (double[] row : left) {
                for (int q = 0; q < rank; q++) {
                    row[q] = r.nextGaussian();
                }
            }
            for (double[] row : right) {
                for (int q = 0; q < cols; q++) {
                    row[q] = r.nextGaussian();
                }
            }
            double[][] a = multiply(left, right);
            double[] c = NullSpace.vector(a, cols, 1e-10);
            assertNotNull(c, "rank " + rank + " < " + cols + " columns");
            assertTrue(norm(multiply(a, c)) <= 1e-10 * frobenius(a) * norm(c), "A c = " + norm(multiply(a, c)));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static double[] tridiagonal(double[][] a, double[] b) {
        int n = a.length;
        double[] diag = new double[n];
        double[] off = new double[Math.max(n - 1, 1)];
        for (int i = 0; i < n; i++) {
            diag[i] = a[i][i];
            if (i + 1 < n) {
                off[i] = a[i][i + 1];
            }
        }
        double[] x = b.clone();
        double[] unused = new double[n];
        Tridiagonal.solve(n, diag, off, x, unused);
        return x;
    }

    private static double[][] randomWellConditioned(SplittableRandom r, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextGaussian();
            }
            a[i][i] += 3 * Math.sqrt(n) * (r.nextBoolean() ? 1 : -1); // diagonally dominant enough
        }
        return a;
    }

    private static double[][] randomTridiagonalSpd(SplittableRandom r, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (i + 1 < n) {
                a[i][i + 1] = a[i + 1][i] = r.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] = 1 + Math.abs(i > 0 ? a[i][i - 1] : 0) + Math.abs(i + 1 < n ? a[i][i + 1] : 0) + r.nextDouble();
        }
        return a;
    }

    private static double[] randomVector(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[] multiply(double[][] a, double[] x) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                out[i] += a[i][j] * x[j];
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static double[] negated(double[] b) {
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = -b[i];
        }
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }
}
