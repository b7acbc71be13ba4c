package dev.sparsest.kernel;

/**
 * The dense d-D loss kernels: {@code f(x) = sum_k v[k] relu(W_k . [x; 1])}; {@code W} holds K rows
 * of d + 1 entries, row-major, bias last. Data {@code x} holds n rows of d entries, row-major.
 * Pre-activations are bias first, then fused multiply-adds in input order
 * ({@code numeric.PreActivation}), bit-identical on both implementations.
 */
public interface LossNdKernels {

    /** Workspace length this implementation needs on n points, d inputs, k neurons. */
    int work(int n, int d, int k);

    /** out[i] = f(x_i) for the n rows of x (d columns each). {@code work} needs {@link #work} entries. */
    void forward(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work);

    /**
     * Fused forward, loss and gradients: returns the MSE and writes gW (k rows of d + 1, bias
     * last) and gv (length k). {@code work} needs {@link #work} entries.
     */
    double lossGrad(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k,
                    double[] gW, double[] gv, double[] work);

    /**
     * Where {@link #lossGrad} leaves the residual gradients 2 (f(x_i) - y_i) / n in its work
     * array: entries {@code [off, off + n)}. The trainer's unpenalized affine part takes its
     * gradient from them (O(n d)) instead of the kernel growing more arguments.
     */
    int residualGradients(int n, int d, int k);
}
