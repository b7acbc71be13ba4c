package dev.sparsest.exact;

import ch.obermuhlner.math.big.BigDecimalMath;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reference for p* claims: exact curvatures of the given doubles (BigDecimal),
 * the collinearity rule |a| &lt;= tol (|s_1| + |s_2|) decided exactly, and every tile's cost
 * |S|^p = exp(p ln|S|) in 40-digit arithmetic (big-math, test scope), so costs that agree to 16
 * digits near p = 1 are still told apart. It shares no code with {@link ThresholdSolver}: its
 * own runs, its own tiling dynamic program, and no reduced weights.
 */
final class PStarReference {
    private static final MathContext MC = new MathContext(40);

    /** The run's tile sizes: singles |a_t| and pairs |a_t + a_{t+1}|, with their logarithms. */
    private record Run(BigDecimal[] single, BigDecimal[] pair, BigDecimal[] logSingle, BigDecimal[] logPair) {
    }

    private final List<Run> runs = new ArrayList<>();

    PStarReference(double[] x, double[] y, double tolerance) {
        int n = x.length;
        BigDecimal tol = new BigDecimal(tolerance);
        BigDecimal[] a = new BigDecimal[n];
        int[] sign = new int[n];
        for (int i = 1; i + 1 < n; i++) {
            BigDecimal dx1 = new BigDecimal(x[i]).subtract(new BigDecimal(x[i - 1]));
            BigDecimal dx2 = new BigDecimal(x[i + 1]).subtract(new BigDecimal(x[i]));
            BigDecimal dy1 = new BigDecimal(y[i]).subtract(new BigDecimal(y[i - 1]));
            BigDecimal dy2 = new BigDecimal(y[i + 1]).subtract(new BigDecimal(y[i]));
            BigDecimal cross = dy2.multiply(dx1).subtract(dy1.multiply(dx2));
            BigDecimal scale = dy1.abs().multiply(dx2).add(dy2.abs().multiply(dx1));
            boolean collinear = cross.abs().compareTo(tol.multiply(scale)) <= 0;
            sign[i] = collinear ? 0 : cross.signum();
            a[i] = cross.divide(dx1.multiply(dx2), MC);
        }
        for (int i = 1; i + 1 < n; ) {
            int j = i;
            while (sign[i] != 0 && j + 1 < n - 1 && sign[j + 1] == sign[i]) {
                j++;
            }
            if (sign[i] != 0 && j - i + 1 >= 4) { // runs of at most 3 points never restrict p* (THEORY.md)
                runs.add(run(a, i, j + 1));
            }
            i = j + 1;
        }
    }

    private static Run run(BigDecimal[] a, int from, int to) {
        int m = to - from;
        BigDecimal[] single = new BigDecimal[m];
        BigDecimal[] logSingle = new BigDecimal[m];
        BigDecimal[] pair = new BigDecimal[m - 1];
        BigDecimal[] logPair = new BigDecimal[m - 1];
        for (int t = 0; t < m; t++) {
            single[t] = a[from + t].abs();
            logSingle[t] = BigDecimalMath.log(single[t], MC);
            if (t + 1 < m) {
                pair[t] = a[from + t].add(a[from + t + 1]).abs();
                logPair[t] = BigDecimalMath.log(pair[t], MC);
            }
        }
        return new Run(single, pair, logSingle, logPair);
    }

    /** Whether any run can restrict p* at all. */
    boolean hasLongRuns() {
        return !runs.isEmpty();
    }

    /**
     * The least over runs of (cheapest tiling with more than ceil(m/2) tiles) - (cheapest with
     * ceil(m/2)) at p: positive when every l^p optimum is sparsest, negative when one is not.
     */
    BigDecimal gap(double p) {
        BigDecimal least = null;
        BigDecimal power = new BigDecimal(p);
        for (Run r : runs) {
            BigDecimal g = gap(r, power);
            least = least == null || g.compareTo(least) < 0 ? g : least;
        }
        return least == null ? BigDecimal.ONE : least;
    }

    /** Tilings by the number of tiles: best[t][k] = least cost covering t points with k tiles. */
    private static BigDecimal gap(Run r, BigDecimal p) {
        int m = r.single.length;
        BigDecimal[][] best = new BigDecimal[m + 1][m + 1];
        best[0][0] = BigDecimal.ZERO;
        for (int t = 1; t <= m; t++) {
            BigDecimal single = BigDecimalMath.exp(p.multiply(r.logSingle[t - 1], MC), MC);
            BigDecimal pair = t >= 2 ? BigDecimalMath.exp(p.multiply(r.logPair[t - 2], MC), MC) : null;
            for (int k = 1; k <= t; k++) {
                BigDecimal v = best[t - 1][k - 1] == null ? null : best[t - 1][k - 1].add(single, MC);
                if (pair != null && best[t - 2][k - 1] != null) {
                    BigDecimal w = best[t - 2][k - 1].add(pair, MC);
                    v = v == null || w.compareTo(v) < 0 ? w : v;
                }
                best[t][k] = v;
            }
        }
        int fewest = (m + 1) / 2;
        BigDecimal other = null;
        for (int k = fewest + 1; k <= m; k++) {
            if (best[m][k] != null && (other == null || best[m][k].compareTo(other) < 0)) {
                other = best[m][k];
            }
        }
        return other.subtract(best[m][fewest], MC);
    }
}
