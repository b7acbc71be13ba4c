package dev.sparsest.postprocess;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;

import java.util.Arrays;

/**
 * Exact post-processing of a trained univariate network: changes nothing at the data points.
 * <ul>
 *   <li>a knot at or right of the last data point is inactive on the data: dropped;</li>
 *   <li>a knot at or left of the first data point is affine on the data: folded into the skip term;</li>
 *   <li>knots of one sign strictly inside one data interval (x_i, x_{i+1}) merge into one knot at
 *       their amplitude-weighted barycentre (THEORY.md, the hat lemma), so an interval keeps at
 *       most one knot of each sign.</li>
 * </ul>
 * Equal knots merge already when a network is built.
 */
public final class KnotCleanup {
    private KnotCleanup() {
    }

    public static UnivariateNetwork apply(UnivariateNetwork f, UnivariateDataset data) {
        int n = data.size();
        double first = data.x(0);
        double last = data.x(n - 1);
        double slope = f.slope();
        double anchorX = f.anchorX();
        double anchorY = f.anchorY();
        int k = f.neurons();
        double[] u = new double[k];
        double[] c = new double[k];
        int m = 0;
        int interval = 0; // data interval (x_interval, x_interval+1) of the current group
        double posSum = 0, posMoment = 0, negSum = 0, negMoment = 0;
        for (int j = 0; j < k; j++) {
            double uj = f.knot(j);
            double cj = f.slopeChange(j);
            if (uj >= last) {
                continue; // never active at a data point
            }
            if (uj <= first) {
                // c (x - u) on every data point: the skip term's slope and value change
                anchorY += cj * (anchorX - uj);
                slope += cj;
                continue;
            }
            int at = intervalOf(data, uj, interval);
            boolean onPoint = data.x(at) == uj;
            if (at != interval || onPoint) {
                m = flush(u, c, m, posSum, posMoment, negSum, negMoment);
                posSum = posMoment = negSum = negMoment = 0;
                interval = at;
            }
            if (onPoint) {
                u[m] = uj;
                c[m] = cj;
                m++;
            } else if (cj > 0) {
                posSum += cj;
                posMoment += cj * uj;
            } else {
                negSum += cj;
                negMoment += cj * uj;
            }
        }
        m = flush(u, c, m, posSum, posMoment, negSum, negMoment);
        return UnivariateNetwork.of(Arrays.copyOf(u, m), Arrays.copyOf(c, m), slope, anchorX, anchorY);
    }

    /** Index i with x_i <= u < x_{i+1}, searching forward from a lower bound (knots come sorted). */
    private static int intervalOf(UnivariateDataset data, double u, int from) {
        int i = from;
        while (i + 1 < data.size() && data.x(i + 1) <= u) {
            i++;
        }
        return i;
    }

    private static int flush(double[] u, double[] c, int m, double posSum, double posMoment, double negSum, double negMoment) {
        if (negSum != 0) {
            u[m] = negMoment / negSum;
            c[m] = negSum;
            m++;
        }
        if (posSum != 0) {
            u[m] = posMoment / posSum;
            c[m] = posSum;
            m++;
        }
        return m;
    }
}
