package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.linalg.LeastSquares;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.numeric.PreActivation;

import java.util.Arrays;

/** The output layer's least-squares refit and the error measures the d-D post-processing steps share. */
final class OutputRefit {
    private OutputRefit() {
    }

    /**
     * Least squares for v (and the affine part, when the network has one) with the hidden layer
     * fixed, when there are no more of them than points.
     */
    static MultivariateNetwork refit(MultivariateNetwork f, MultivariateDataset data) {
        int n = data.size();
        int k = f.width();
        int d = f.dimension();
        int extra = f.hasAffinePart() ? d + 1 : 0;
        if (k + extra == 0 || k + extra > n) {
            return f;
        }
        double[] w = f.weights();
        double[] x = data.inputs();
        double[][] a = new double[n][k + extra];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = Math.max(PreActivation.of(w, j * (d + 1), x, i * d, d), 0);
            }
            if (extra > 0) {
                System.arraycopy(x, i * d, a[i], k, d);
                a[i][k + d] = 1;
            }
        }
        double[] c = LeastSquares.solve(a, data.targets());
        MultivariateNetwork refit = new MultivariateNetwork(w, Arrays.copyOf(c, k),
                Arrays.copyOfRange(c, k, k + extra), d);
        return mse(refit, data) <= mse(f, data) ? refit : f;
    }

    /** The MSE at or below which a network interpolates the data (to rounding). */
    static double floor(MultivariateDataset data) {
        double scale = 0;
        for (int i = 0; i < data.size(); i++) {
            scale = Math.max(scale, Math.abs(data.y(i)));
        }
        return 1e-24 * scale * scale;
    }

    /** The mean squared error at the data. */
    static double mse(MultivariateNetwork f, MultivariateDataset data) {
        double[] x = data.inputs();
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double r = f.evaluate(x, i * data.dimension()) - data.y(i);
            s += r * r;
        }
        return s / data.size();
    }
}
