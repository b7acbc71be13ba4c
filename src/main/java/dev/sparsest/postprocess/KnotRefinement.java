package dev.sparsest.postprocess;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.linalg.GaussNewton;
import dev.sparsest.model.UnivariateNetwork;

/**
 * Last step of the polish: Gauss-Newton on the knots that lie strictly inside a data interval
 * together with all slope changes and the skip term, so that a knot at a chord crossing moves the
 * last bit onto it and the network interpolates to round-off. Knots on data points stay put; free
 * knots stay inside their interval. Minimum-norm steps (J^T (J J^T + mu I)^-1 r), so among the
 * interpolants the nearest one is reached; kept only when it fits better. O(N^3) per step: used
 * up to {@value #MAX_POINTS} points.
 */
final class KnotRefinement {
    static final int MAX_POINTS = 400;
    private static final int STEPS = 30;

    private KnotRefinement() {
    }

    static UnivariateNetwork refine(UnivariateNetwork f, UnivariateDataset data) {
        int n = data.size();
        int k = f.neurons();
        if (n > MAX_POINTS || k == 0) {
            return f;
        }
        double x0 = data.x(0);
        double[] u = f.knots();
        double[] c = f.slopeChanges();
        double slope = f.slope();
        double y0 = f.evaluate(x0);
        int[] interval = new int[k]; // -1: on a data point (fixed)
        for (int j = 0; j < k; j++) {
            interval[j] = freeInterval(data, u[j]);
        }
        double best = UnivariateFit.mse(f, data);
        UnivariateNetwork bestNet = f;
        for (int step = 0; step < STEPS && best > 0; step++) {
            // parameters: slope, y0, c_1..c_k, then the free u_j
            int free = 0;
            for (int j = 0; j < k; j++) {
                if (interval[j] >= 0) {
                    free++;
                }
            }
            int m = 2 + k + free;
            double[][] jac = new double[n][m];
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double xi = data.x(i);
                double fi = y0 + slope * (xi - x0);
                jac[i][0] = xi - x0;
                jac[i][1] = 1;
                int col = 2 + k;
                for (int j = 0; j < k; j++) {
                    double t = xi - u[j];
                    fi += c[j] * Math.max(t, 0);
                    jac[i][2 + j] = Math.max(t, 0);
                    if (interval[j] >= 0) {
                        jac[i][col++] = t > 0 ? -c[j] : 0;
                    }
                }
                r[i] = fi - data.y(i);
            }
            double[] delta = GaussNewton.minimumNormStep(jac, r);
            if (delta == null) {
                break;
            }
            double nSlope = slope + delta[0];
            double nY0 = y0 + delta[1];
            double[] nc = c.clone();
            double[] nu = u.clone();
            int col = 2 + k;
            for (int j = 0; j < k; j++) {
                nc[j] += delta[2 + j];
                if (interval[j] >= 0) {
                    double lo = data.x(interval[j]);
                    double hi = data.x(interval[j] + 1);
                    double span = hi - lo;
                    nu[j] = Math.min(Math.max(u[j] + delta[col++], lo + 1e-9 * span), hi - 1e-9 * span);
                }
            }
            UnivariateNetwork candidate;
            try {
                candidate = UnivariateNetwork.of(nu, nc, nSlope, x0, nY0);
            } catch (IllegalArgumentException e) {
                break; // a non-finite step
            }
            double mse = UnivariateFit.mse(candidate, data);
            if (!(mse < best)) {
                break;
            }
            best = mse;
            bestNet = candidate;
            slope = nSlope;
            y0 = nY0;
            c = nc;
            u = nu;
        }
        return bestNet;
    }

    /** The data interval (x_i, x_{i+1}) strictly containing u, or -1 when u is a data point or outside. */
    private static int freeInterval(UnivariateDataset data, double u) {
        for (int i = 0; i + 1 < data.size(); i++) {
            if (data.x(i) < u && u < data.x(i + 1)) {
                return i;
            }
        }
        return -1;
    }
}
