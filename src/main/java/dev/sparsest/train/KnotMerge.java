package dev.sparsest.train;

/**
 * Exact knot merging inside the proximal phase of the 1-D trainer. Two live neurons whose knots
 * -b/w lie strictly inside the same data interval (x_i, x_{i+1}) and whose slope changes v |w|
 * have the same sign are replaced by one neuron at their amplitude-weighted barycentre carrying
 * the summed slope change (THEORY.md, the hat lemma; {@link KnotCleanup} does the same after
 * training). The outputs at the data points do not move (up to rounding) and the l^p cost does not
 * grow (it drops for p &lt; 1). A pair of opposite orientations (one w &gt; 0, one w &lt; 0) is merged
 * too, after the smaller neuron is turned around exactly: s relu(t - x) = s (t - x) + s relu(x - t),
 * the affine part going into the skip term. Such pairs exist only because of the skip term.
 *
 * <p>Why: a knot of the optimum that training builds from two or more neurons of one sign is
 * resolved by the reweighted proximal step alone only at the rate lambda lr p (|q1|^(p-1) -
 * |q2|^(p-1)) per epoch (the smaller product loses what its larger threshold takes and Adam gives
 * both back alike), which for an even split of a slope change of 2 takes over 100 000 epochs at the
 * paper's settings; with the skip term a knot can also be split between the two orientations.
 * The merged-away neuron is left with v = w = b = 0 and zero Adam moments (dead; compacted away
 * for p &lt; 1). Allocates nothing per call.
 */
final class KnotMerge {
    private final double[] x; // the training abscissae, strictly increasing
    private final int[] keeper; // per (interval, sign): the neuron kept, or -1
    private final int[] touched;

    KnotMerge(double[] x, int maxK) {
        this.x = x;
        this.keeper = new int[Math.max(0, 2 * (x.length - 1))];
        java.util.Arrays.fill(keeper, -1);
        this.touched = new int[maxK];
    }

    /**
     * Merges the neurons 0..k-1 in place; {@code moments} are the per-neuron Adam moments of w, b
     * and v (zeroed for a merged-away neuron), {@code skip} the slope and offset of the skip term.
     * Returns the number of merges.
     */
    int apply(int k, double[] w, double[] b, double[] v, double[] skip, double[][] moments) {
        int merges = 0;
        int used = 0;
        for (int j = 0; j < k; j++) {
            if (v[j] == 0 || w[j] == 0) {
                continue;
            }
            double t = -b[j] / w[j];
            int interval = interval(t);
            if (interval < 0) {
                continue;
            }
            int key = 2 * interval + (v[j] > 0 ? 1 : 0); // sign(v |w|) = sign(v)
            int other = keeper[key];
            if (other < 0) {
                keeper[key] = j;
                touched[used++] = key;
                continue;
            }
            double sj = v[j] * Math.abs(w[j]);
            double so = v[other] * Math.abs(w[other]);
            double to = -b[other] / w[other];
            int keep = Math.abs(so) >= Math.abs(sj) ? other : j;
            int drop = keep == j ? other : j;
            double sd = keep == j ? so : sj;
            double td = keep == j ? to : t;
            if ((w[drop] > 0) != (w[keep] > 0)) { // turn the dropped one around, exactly
                double sign = w[drop] < 0 ? 1 : -1;
                skip[0] -= sign * sd;
                skip[1] += sign * sd * td;
            }
            double s = sj + so;
            double knot = (sj * t + so * to) / s;
            double mag = Math.sqrt(Math.abs(s));
            w[keep] = Math.copySign(mag, w[keep]);
            v[keep] = Math.copySign(mag, v[keep]);
            b[keep] = -w[keep] * knot;
            w[drop] = 0;
            v[drop] = 0;
            b[drop] = 0;
            for (double[] m : moments) {
                m[drop] = 0;
            }
            keeper[key] = keep;
            merges++;
        }
        for (int i = 0; i < used; i++) {
            keeper[touched[i]] = -1;
        }
        return merges;
    }

    /** i with x_i &lt; t &lt; x_{i+1}, or -1 when t is on a data point, outside (x_0, x_{n-1}) or NaN. */
    private int interval(double t) {
        int n = x.length;
        if (!(t > x[0] && t < x[n - 1])) {
            return -1;
        }
        int lo = 0, hi = n - 1; // x[lo] < t < x[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] == t) {
                return -1;
            }
            if (x[mid] < t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
