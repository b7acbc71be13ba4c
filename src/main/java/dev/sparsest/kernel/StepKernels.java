package dev.sparsest.kernel;

/**
 * The element-wise kernels of a training step on the penalized products
 * {@code q[k*m + j] = v[k] * w[k*m + j]} with fan-in m (1 in 1-D: the input weight; d + 1 in d-D:
 * weights and bias). {@link #products}, {@link #countNonzero} and {@link #adam} are bit-identical
 * on both implementations; {@link #proxStep} runs the reference on both (see there).
 */
public interface StepKernels {

    /** Number of products with |v[k] w[k*m+j]| &gt; threshold (NaN products are not counted). */
    int countNonzero(double[] v, double[] w, int k, int m, double threshold);

    /** out[k*m+j] = v[k] * w[k*m+j]. */
    void products(double[] v, double[] w, int k, int m, double[] out);

    /**
     * The reweighted proximal step of THEORY.md section 3, in place. For each product
     * q = v[k] w[k*m+j]: threshold t = lambdaLr * p * |qPrev|^(p-1) (infinite when qPrev = 0 and
     * p &lt; 1, so zeros stay zero), u = sign(q) max(|q| - t, 0). Then each neuron is re-factored
     * with v[k] w_k = u_k and |v[k]| = ||w_k||_2, keeping the sign of v[k]; a neuron whose products
     * are all zero gets v = 0 and w = 0. When {@code b} is given (1-D, m = 1) it is scaled with w so
     * that the knot -b/w does not move (b = 0 when w becomes 0).
     *
     * <p>Both implementations run the scalar reference here: |qPrev|^(p-1) = exp((p-1) log|qPrev|)
     * in the JDK's vector log and exp rounds differently before and after C2 compiles it, which
     * would make a seeded run irreproducible, and the step is cheap next to the loss (most
     * products of a sparse network are zero and skip the transcendental).
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
     * @param step the settings and the step t ({@link AdamStep#at}), shared by all parameter groups
     */
    void adam(double[] param, double[] grad, double[] m1, double[] m2, int n, AdamStep step);
}
