package dev.sparsest.postprocess;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.linalg.LeastSquares;
import dev.sparsest.model.UnivariateNetwork;

/**
 * What the 1-D post-processing steps share, below them all: the MSE at the data, the least-squares
 * refit on given knots and the floor under which a network counts as interpolating. Internal to
 * the library (the trainer reports these numbers), not part of its API.
 */
public final class UnivariateFit {
    private UnivariateFit() {
    }

    /** The MSE below which a network counts as interpolating: 1e-24 of max|y|^2 (round-off). */
    public static double interpolationFloor(UnivariateDataset data) {
        return 1e-24 * data.yScale() * data.yScale();
    }

    public static UnivariateNetwork refit(UnivariateNetwork f, UnivariateDataset data) {
        return f.neurons() + 2 > data.size() ? f : refitOnKnots(f.knots(), data);
    }

    /** The least-squares network with these (distinct) knots; needs at most N - 2 knots. */
    public static UnivariateNetwork refitOnKnots(double[] knots, UnivariateDataset data) {
        int n = data.size();
        int k = knots.length;
        // columns: (x - x0), 1, relu(x - u_k); anchored at the first data point for conditioning
        double x0 = data.x(0);
        double[][] a = new double[n][k + 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = data.x(i);
            a[i][0] = xi - x0;
            a[i][1] = 1;
            for (int j = 0; j < k; j++) {
                a[i][2 + j] = Math.max(xi - knots[j], 0);
            }
            y[i] = data.y(i);
        }
        double[] coef = LeastSquares.solve(a, y);
        double[] c = new double[k];
        System.arraycopy(coef, 2, c, 0, k);
        return UnivariateNetwork.of(knots, c, coef[0], x0, coef[1]);
    }

    public static double mse(UnivariateNetwork f, UnivariateDataset data) {
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = f.evaluate(data.x(i)) - data.y(i);
            s += r * r;
        }
        return s / data.size();
    }
}
