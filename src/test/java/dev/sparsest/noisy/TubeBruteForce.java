package dev.sparsest.noisy;

import dev.sparsest.data.NoisyData;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The independent oracle for tube mode on small N: the fewest knots of a CPWL function through
 * values z_i in the tubes is min over z of sum over runs of ceil(run / 2) (THEORY.md section 1:
 * the l0 count of interpolating z), which depends only on the curvature signs of z. So: try the
 * sign patterns in {-, 0, +}^(N-2) in order of that count and return the first one some z in the
 * tubes realizes, decided by an LP (ojAlgo): maximize t subject to sign_i a_i(z) >= t (nonzero
 * signs), a_i(z) = 0 (zero signs). Realizable when t > MARGIN: the data are drawn so that
 * optimal patterns have a clear margin (random tubes, scale 1).
 */
final class TubeBruteForce {
    static final double MARGIN = 1e-7;

    private TubeBruteForce() {
    }

    static int fewestKnots(NoisyData d) {
        return fewestKnots(d, 0);
    }

    /**
     * The fewest knots of a monotone function in the tubes ({@code direction} +1: non-decreasing,
     * -1: non-increasing, 0: any): the same search with z monotone, since the fewest-knot
     * interpolant of monotone values is built of their chords and so is monotone itself.
     */
    static int fewestKnots(NoisyData d, int direction) {
        int n = d.size();
        if (n <= 2) {
            return 0;
        }
        int m = n - 2;
        int patterns = (int) Math.pow(3, m);
        for (int cost = 0; cost < m; cost++) { // m knots always suffice (interpolate any z)
            for (int code = 0; code < patterns; code++) {
                int[] sign = decode(code, m);
                if (knots(sign) == cost && witness(d, sign, direction) != null) {
                    return cost;
                }
            }
        }
        return m;
    }

    /**
     * As {@link #fewestKnots}, but -1 when the LP's witness for the pattern it settles on does
     * not hold to {@code tau} in values: each z_i within tau of its tube, and each point of zero
     * curvature within tau of the chord of its neighbours. ojAlgo's tolerances (~1e-9) accept
     * patterns infeasible by 2e-10 (found by fuzzing), so where features are that small only a
     * certified count is an oracle.
     */
    static int fewestKnotsCertified(NoisyData d, double tau) {
        int n = d.size();
        if (n <= 2) {
            return 0;
        }
        int m = n - 2;
        int patterns = (int) Math.pow(3, m);
        for (int cost = 0; cost < m; cost++) {
            for (int code = 0; code < patterns; code++) {
                int[] sign = decode(code, m);
                if (knots(sign) == cost) {
                    double[] z = witness(d, sign);
                    if (z != null) {
                        return holds(d, sign, z, tau) ? cost : -1;
                    }
                }
            }
        }
        return m;
    }

    private static boolean holds(NoisyData d, int[] sign, double[] z, double tau) {
        int n = d.size();
        for (int i = 0; i < n; i++) {
            if (z[i] < d.lower(i) - tau || z[i] > d.upper(i) + tau) {
                return false;
            }
        }
        for (int i = 1; i + 1 < n; i++) {
            double hl = d.x(i) - d.x(i - 1);
            double hr = d.x(i + 1) - d.x(i);
            double chord = (z[i - 1] * hr + z[i + 1] * hl) / (hl + hr);
            // z_i - chord = -a_i hl hr / (hl + hr): the value the bend at i moves z_i by
            double bend = z[i] - chord;
            if (sign[i - 1] == 0 ? Math.abs(bend) > tau : -sign[i - 1] * bend <= 0) {
                return false;
            }
        }
        return true;
    }

    static int[] decode(int code, int m) {
        int[] s = new int[m];
        for (int i = 0; i < m; i++) {
            s[i] = code % 3 - 1;
            code /= 3;
        }
        return s;
    }

    static int knots(int[] sign) {
        int knots = 0;
        int run = 0;
        int runSign = 0;
        for (int s : sign) {
            if (s != 0 && s == runSign) {
                run++;
            } else {
                knots += (run + 1) / 2;
                run = s != 0 ? 1 : 0;
                runSign = s;
            }
        }
        return knots + (run + 1) / 2;
    }

    /** Whether monotone values z (direction +1 non-decreasing, -1 non-increasing) fit in the tubes, by LP. */
    static boolean monotoneValuesExist(NoisyData d, int direction) {
        int n = d.size();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] z = new Variable[n];
        for (int i = 0; i < n; i++) {
            z[i] = model.addVariable("z" + i).lower(d.lower(i)).upper(d.upper(i)).weight(0.0);
        }
        for (int i = 0; i + 1 < n; i++) {
            model.addExpression("m" + i).lower(0.0).set(z[i + 1], direction).set(z[i], -direction);
        }
        return model.minimise().getState().isFeasible();
    }

    static boolean realizable(NoisyData d, int[] sign) {
        return witness(d, sign) != null;
    }

    /** Values z in the tubes with the curvature signs, by LP (margin {@link #MARGIN}); null when none. */
    static double[] witness(NoisyData d, int[] sign) {
        return witness(d, sign, 0);
    }

    private static double[] witness(NoisyData d, int[] sign, int direction) {
        int n = d.size();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] z = new Variable[n];
        for (int i = 0; i < n; i++) {
            z[i] = model.addVariable("z" + i).lower(d.lower(i)).upper(d.upper(i));
        }
        Variable t = model.addVariable("t").lower(-1.0).upper(1.0).weight(1.0);
        for (int i = 0; direction != 0 && i + 1 < n; i++) {
            model.addExpression("m" + i).lower(0.0).set(z[i + 1], direction).set(z[i], -direction);
        }
        boolean anyStrict = false;
        for (int i = 1; i + 1 < n; i++) {
            double hl = d.x(i) - d.x(i - 1);
            double hr = d.x(i + 1) - d.x(i);
            int s = sign[i - 1];
            Expression a = model.addExpression("a" + i);
            double k = s == 0 ? 1 : s;
            a.set(z[i - 1], k / hl);
            a.set(z[i], -k * (1 / hl + 1 / hr));
            a.set(z[i + 1], k / hr);
            if (s == 0) {
                a.level(0.0);
            } else {
                a.set(t, -1.0);
                a.lower(0.0);
                anyStrict = true;
            }
        }
        Optimisation.Result r = model.maximise();
        if (!r.getState().isFeasible() || anyStrict && !(r.getValue() > MARGIN)) {
            return null;
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = z[i].getValue().doubleValue();
        }
        return values;
    }
}
