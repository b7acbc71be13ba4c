package dev.sparsest.kernel;

/**
 * The Vector-API implementation ({@code jdk.incubator.vector}). Loaded only by
 * {@link KernelProvider} after it checked that the module is readable; nothing else refers to
 * this class by name. The kernels live one file per concern: {@link VectorLanes} (species, width
 * choices, fixed-order sums), {@link Vector1d}, {@link VectorNd} (register tiles) and
 * {@link VectorSteps}. Main loops work on whole vectors with several accumulators; the remaining
 * elements take a scalar tail (never a fully masked loop).
 */
final class VectorKernels implements Kernels {

    /** Called reflectively by the provider. */
    static Kernels create() {
        return new VectorKernels();
    }

    /** The preferred vector width in bits. */
    static int bits() {
        return VectorLanes.D.vectorBitSize();
    }

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector-" + bits();
    }

    @Override
    public void forward1d(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
        Vector1d.forward1d(x, n, w, b, v, k, a, c, out);
    }

    @Override
    public void forward1d(float[] x, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] out) {
        Vector1d.forward1d(x, n, w, b, v, k, a, c, out);
    }

    @Override
    public double lossGrad1d(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] gw, double[] gb, double[] gv, double[] gSkip, double[] work) {
        return Vector1d.lossGrad1d(x, y, n, w, b, v, k, a, c, gw, gb, gv, gSkip, work);
    }

    @Override
    public float lossGrad1d(float[] x, float[] y, int n, float[] w, float[] b, float[] v, int k, float a, float c, float[] gw, float[] gb, float[] gv, float[] gSkip, float[] work) {
        return Vector1d.lossGrad1d(x, y, n, w, b, v, k, a, c, gw, gb, gv, gSkip, work);
    }

    @Override
    public int workNd(int n, int d, int k) {
        return VectorNd.workNd(n, d, k);
    }

    @Override
    public void forwardNd(double[] x, int n, int d, double[] wRows, double[] v, int k, double[] out, double[] work) {
        VectorNd.forwardNd(x, n, d, wRows, v, k, out, work);
    }

    @Override
    public double lossGradNd(double[] x, double[] y, int n, int d, double[] wRows, double[] v, int k, double[] gW, double[] gv, double[] work) {
        return VectorNd.lossGradNd(x, y, n, d, wRows, v, k, gW, gv, work);
    }

    @Override
    public double pathNorm(double[] v, double[] w, int k, int m, double p) {
        return VectorSteps.pathNorm(v, w, k, m, p);
    }

    @Override
    public int countNonzero(double[] v, double[] w, int k, int m, double threshold) {
        return VectorSteps.countNonzero(v, w, k, m, threshold);
    }

    @Override
    public int countActiveNeurons(double[] v, double[] w, int k, int m, double threshold) {
        return VectorSteps.countActiveNeurons(v, w, k, m, threshold);
    }

    @Override
    public void products(double[] v, double[] w, int k, int m, double[] out) {
        VectorSteps.products(v, w, k, m, out);
    }

    @Override
    public void proxStep(double[] v, double[] w, double[] b, int k, int m, double[] qPrev, double lambdaLr, double p) {
        VectorSteps.proxStep(v, w, b, k, m, qPrev, lambdaLr, p);
    }

    @Override
    public void adam(double[] param, double[] grad, double[] m1, double[] m2, int n, double lr, double beta1, double beta2, double eps, double weightDecay, int step) {
        VectorSteps.adam(param, grad, m1, m2, n, lr, beta1, beta2, eps, weightDecay, step);
    }
}
