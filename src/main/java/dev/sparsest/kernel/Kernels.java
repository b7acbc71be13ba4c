package dev.sparsest.kernel;

/**
 * The numerical kernels of training, on primitive arrays. Callers pass outputs and workspaces;
 * no kernel allocates. Two implementations: {@link ScalarKernels} (the reference) and a Vector-API
 * one, chosen once by {@link KernelProvider}.
 *
 * <h2>Shapes</h2>
 * <ul>
 *   <li>1-D network: {@code f(x) = a x + c + sum_k v[k] relu(w[k] x + b[k])}, k &lt; K.</li>
 *   <li>d-D network: {@code f(x) = sum_k v[k] relu(W_k . [x; 1])}; {@code W} holds K rows of d + 1
 *       entries, row-major, bias last. Data {@code x} holds n rows of d entries, row-major.</li>
 *   <li>Penalized products: {@code q[k*m + j] = v[k] * w[k*m + j]} with fan-in m (1 in 1-D: the
 *       input weight; d + 1 in d-D: weights and bias).</li>
 * </ul>
 *
 * <h2>Arithmetic and special values (identical on both implementations)</h2>
 * <ul>
 *   <li>relu(t) = t for t &gt; 0, else 0; its derivative is 1[t &gt; 0] (0 at t = 0). Pre-activations
 *       are fused multiply-adds (bias first in d-D), bit-identical on both implementations, so
 *       both decide activity identically.</li>
 *   <li>Non-finite inputs are never masked away: an output is NaN when its data row has a NaN or
 *       infinite value, and every output is NaN when a parameter does (or when the parameters'
 *       absolute values sum to overflow). Losses and gradients then follow as NaN.
 *       -0.0 behaves as 0; subnormal numbers are neither flushed nor treated specially.</li>
 *   <li>Sums are not ordered alike: the vector implementation may add in lanes or rewrite
 *       relu(t) = (t + |t|) / 2 where that is faster (PERF.md). Outputs that sum over K, N or d
 *       agree with the reference within a few ulps times the number of terms, relative to the sum
 *       of absolute values (the tests state each bound). Where relu is rewritten, the sum is over
 *       every neuron, active or not: the 1-D forward pass agrees within a few ulps times K of
 *       |a x| + |c| + sum_k |v_k| (|w_k x| + |b_k|). So a point far from every knot, where large
 *       pre-activations cancel, is only as accurate as that sum (found by the kernel fuzz target:
 *       at x = 5e39 with weights of 1e40 the output lost all digits at 256 bits); normalize such
 *       data (the trainer can: {@code TrainConfig.withNormalization}).</li>
 *   <li>Element-wise kernels ({@link #products}, {@link #adam}) are bit-identical on both. Those
 *       with |q|^p ({@link #pathNorm}, {@link #proxStep}) use exp(p log |q|) on both, whose results
 *       agree within (|p ln q| + 8) ulps per term (exp magnifies the rounding of p ln q);
 *       |q| = 0 gives exactly 0 and p = 1 gives exactly |q|. NaN products stay NaN; counts do not
 *       count them.</li>
 * </ul>
 */
public interface Kernels {

    /** "scalar" or "vector-N" with N the vector width in bits. */
    String name();

    // ---------------------------------------------------------------- 1-D, dense O(N K)

    /** out[i] = f(x[i]) for i &lt; n. */
    void forward1d(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out);

    /** Float variant of {@link #forward1d(double[], int, double[], double[], double[], int, double, double, double[])}. */
    void forward1d(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out);

    /**
     * Fused forward pass, residuals, loss and gradients. Returns the MSE = mean (f(x_i) - y_i)^2
     * and writes its gradients: gw, gb, gv (length k) and gSkip = {dL/da, dL/dc}.
     * {@code work} needs {@link #work1d} entries.
     */
    double lossGrad1d(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                      double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work);

    /** Float variant of {@link #lossGrad1d(double[], double[], int, double[], double[], double[], int, double, double, double[], double[], double[], double[], double[])}. */
    float lossGrad1d(float[] x, float[] y, int n, float[] w, float[] b, float[] v, int k, float a, float c,
                     float[] gw, float[] gb, float[] gv, float[] gSkip, float[] work);

    /** Workspace length for the 1-D loss kernels. */
    static int work1d(int n) {
        return 2 * n;
    }

    // ---------------------------------------------------------------- d-D, dense

    /** out[i] = f(x_i) for the n rows of x (d columns each). {@code work} needs {@link #workNd} entries. */
    void forwardNd(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work);

    /**
     * Fused forward, loss and gradients for d-D data: returns the MSE and writes gW (k rows of
     * d + 1, bias last) and gv (length k). {@code work} needs {@link #workNd} entries.
     */
    double lossGradNd(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
                      double[] gW, double[] gv, double[] work);

    /** Workspace length this implementation needs for the d-D kernels on n points, d inputs, k neurons. */
    int workNd(int n, int d, int k);

    // ---------------------------------------------------------------- path norms and counts

    /** sum over k &lt; K and j &lt; m of |v[k] w[k*m+j]|^p, for 0 &lt; p &lt;= 1 (p = 1: the l1 path norm). */
    double pathNorm(double[] v, double[] w, int k, int m, double p);

    /** Number of products with |v[k] w[k*m+j]| &gt; threshold (NaN products are not counted). */
    int countNonzero(double[] v, double[] w, int k, int m, double threshold);

    /** Number of neurons k with some |v[k] w[k*m+j]| &gt; threshold. */
    int countActiveNeurons(double[] v, double[] w, int k, int m, double threshold);

    /** out[k*m+j] = v[k] * w[k*m+j]. */
    void products(double[] v, double[] w, int k, int m, double[] out);

    // ---------------------------------------------------------------- optimizer steps

    /**
     * The reweighted proximal step of THEORY.md section 3, in place. For each product
     * q = v[k] w[k*m+j]: threshold t = lambdaLr * p * |qPrev|^(p-1) (infinite when qPrev = 0 and
     * p &lt; 1, so zeros stay zero), u = sign(q) max(|q| - t, 0). Then each neuron is re-factored
     * with v[k] w_k = u_k and |v[k]| = ||w_k||_2, keeping the sign of v[k]; a neuron whose products
     * are all zero gets v = 0 and w = 0. When {@code b} is given (1-D, m = 1) it is scaled with w so
     * that the knot -b/w does not move (b = 0 when w becomes 0).
     *
     * @param lambdaLr lambda times the learning rate
     */
    void proxStep(double[] v, double[] w, double[] b, int k, int m, double[] qPrev, double lambdaLr, double p);

    /**
     * One Adam step on n parameters in place (PyTorch's formulation): m1 = b1 m1 + (1 - b1) g,
     * m2 = b2 m2 + (1 - b2) g^2, param -= (lr / (1 - b1^t)) m1 / (sqrt(m2) / sqrt(1 - b2^t) + eps).
     * With weightDecay &gt; 0 it is AdamW: param *= 1 - lr * weightDecay first. Moments below the
     * smallest normal double are flushed to 0 (dead parameters would otherwise drag every later
     * step through subnormal arithmetic; such a moment moves a parameter by less than 1e-300).
     *
     * @param step t, counted from 1
     */
    void adam(double[] param, double[] grad, double[] m1, double[] m2, int n,
              double lr, double beta1, double beta2, double eps, double weightDecay, int step);
}
