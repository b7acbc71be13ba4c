package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.linalg.LeastSquares;
import dev.sparsest.model.MultivariateNetwork;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The parameters of a d-D network between runs of the epoch loop: k live rows of d + 1 weights
 * (bias last), k output weights and the affine part (d + 1 numbers, c last; null in the paper's
 * model). A run starts from one and ends in another; a lambda path starts every run from the same one.
 */
record MultivariateState(double[] w, double[] v, double[] affine, int k, int d) {

    /**
     * As PyTorch initializes: hidden weights and biases uniform in (-1/sqrt d, 1/sqrt d), output
     * weights uniform in (-1/sqrt K, 1/sqrt K); the affine part, when asked for, starts at the
     * least-squares plane of the data (where a path's largest lambda ends), or 0 when there are
     * no more points than its d + 1 coefficients.
     */
    static MultivariateState initial(long seed, int width, MultivariateDataset data, boolean affine) {
        int d = data.dimension();
        int m = d + 1;
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[width * m];
        double bound = 1 / Math.sqrt(d);
        for (int e = 0; e < w.length; e++) {
            w[e] = (2 * r.nextDouble() - 1) * bound;
        }
        double[] v = new double[width];
        for (int j = 0; j < width; j++) {
            v[j] = (2 * r.nextDouble() - 1) / Math.sqrt(width);
        }
        return new MultivariateState(w, v, affine ? leastSquaresPlane(data) : null, width, d);
    }

    private static double[] leastSquaresPlane(MultivariateDataset data) {
        int n = data.size();
        int d = data.dimension();
        if (n < d + 1) {
            return new double[d + 1];
        }
        double[][] a = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                a[i][t] = data.x(i, t);
            }
            a[i][d] = 1;
        }
        return LeastSquares.solve(a, data.targets());
    }

    /** The network these parameters describe (arrays copied). */
    MultivariateNetwork network() {
        double[] wk = Arrays.copyOf(w, k * (d + 1));
        double[] vk = Arrays.copyOf(v, k);
        return affine == null ? new MultivariateNetwork(wk, vk, d) : new MultivariateNetwork(wk, vk, affine, d);
    }
}
