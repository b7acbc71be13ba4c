package dev.sparsest.kernel;

/**
 * The dense 1-D loss kernels, O(N K): the network {@code f(x) = a x + c + sum_k v[k] relu(w[k] x + b[k])},
 * k &lt; K, on n points. The arithmetic and special values follow {@link Kernels}. For sorted data
 * and many neurons {@link Loss1dSlice} chooses the knot sweep instead.
 */
public interface Loss1dKernels {

    /** out[i] = f(x[i]) for i &lt; n. */
    void forward(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out);

    /**
     * Fused forward pass, residuals, loss and gradients. Returns the MSE = mean (f(x_i) - y_i)^2
     * and writes its gradients: gw, gb, gv (length k) and gSkip = {dL/da, dL/dc}.
     * {@code work} needs {@link #work} entries.
     */
    double lossGrad(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                    double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work);

    /** Workspace length for {@link #lossGrad} on n points. */
    static int work(int n) {
        return 2 * n;
    }
}
