package dev.sparsest.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.sparsest.kernel.KernelFixtures.EPS;
import static dev.sparsest.kernel.KernelFixtures.near;
import static dev.sparsest.kernel.KernelFixtures.uniform;

/**
 * d-D kernels. Both implementations build every pre-activation z as the bias followed by fused
 * multiply-adds in input order, so z (and the activity z &gt; 0) is bit-identical; the sums over
 * neurons and points differ in order only. Tolerances: 2 (K + 4) eps times the absolute sum for f,
 * and for gradients the propagated residual error plus 2 (n + 4) eps times the absolute sums.
 */
class LossNdKernelsTest {

    record Problem(double[] x, double[] y, double[] w, double[] v, int n, int d, int k) {
        static Problem random(SplittableRandom r, int n, int d, int k) {
            return new Problem(uniform(r, n * d, -1, 1), uniform(r, n, -1, 1), uniform(r, k * (d + 1), -1, 1),
                    uniform(r, k, -1, 1), n, d, k);
        }

        double z(int i, int j) {
            double z = w[j * (d + 1) + d];
            for (int t = 0; t < d; t++) {
                z += w[j * (d + 1) + t] * x[i * d + t];
            }
            return z;
        }

        double magnitude(int i) {
            double m = 0;
            for (int j = 0; j < k; j++) {
                double zs = Math.abs(w[j * (d + 1) + d]);
                for (int t = 0; t < d; t++) {
                    zs += Math.abs(w[j * (d + 1) + t] * x[i * d + t]);
                }
                m += Math.abs(v[j]) * zs;
            }
            return m;
        }
    }

    @Test
    void scalarForwardMatchesTheDefinition() {
        SplittableRandom r = new SplittableRandom(21);
        for (int[] s : new int[][] {{1, 1, 1}, {5, 3, 7}, {17, 50, 33}, {10, 2, 1}}) {
            Problem p = Problem.random(r, s[0], s[1], s[2]);
            double[] out = new double[p.n];
            KernelProvider.scalar().lossNd().forward(p.x, p.n, p.d, p.w, p.v, p.k, out, new double[KernelProvider.scalar().lossNd().work(p.n, p.d, p.k)]);
            for (int i = 0; i < p.n; i++) {
                double f = 0;
                for (int j = 0; j < p.k; j++) {
                    f += p.v[j] * Math.max(p.z(i, j), 0);
                }
                near("f[" + i + "]", f, out[i], 4 * (p.k + p.d + 4) * EPS * p.magnitude(i));
            }
        }
    }

    @Test
    void scalarGradientsMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(22);
        Problem p = Problem.random(r, 9, 4, 6);
        double[] gW = new double[p.k * (p.d + 1)];
        double[] gv = new double[p.k];
        double[] work = new double[KernelProvider.scalar().lossNd().work(p.n, p.d, p.k)];
        KernelProvider.scalar().lossNd().lossGrad(p.x, p.y, p.n, p.d, p.w, p.v, p.k, gW, gv, work);
        double h = 1e-6;
        for (int e = 0; e < gW.length; e++) {
            near("dL/dW[" + e + "]", diff(p, p.w, e, h), gW[e], 1e-6);
        }
        for (int j = 0; j < p.k; j++) {
            near("dL/dv[" + j + "]", diff(p, p.v, j, h), gv[j], 1e-6);
        }
    }

    private static double mse(Problem p) {
        double s = 0;
        for (int i = 0; i < p.n; i++) {
            double f = 0;
            for (int j = 0; j < p.k; j++) {
                f += p.v[j] * Math.max(p.z(i, j), 0);
            }
            s += (f - p.y[i]) * (f - p.y[i]);
        }
        return s / p.n;
    }

    private static double diff(Problem p, double[] a, int e, double h) {
        double keep = a[e];
        a[e] = keep + h;
        double up = mse(p);
        a[e] = keep - h;
        double down = mse(p);
        a[e] = keep;
        return (up - down) / (2 * h);
    }

    @Test
    void vectorAgreesWithTheReferenceAtAwkwardShapes() {
        agreesAtAwkwardShapes(KernelFixtures.vectorOrSkip(), 23);
    }

    /**
     * Both register-tile families (two- and four-vector panels) on whatever width this JVM runs:
     * the machine picks one of them, so the other would otherwise go untested on it.
     */
    @Test
    void bothPanelFamiliesAgreeWithTheReference() {
        Kernels vector = KernelFixtures.vectorOrSkip();
        for (boolean wide : new boolean[] {false, true}) {
            Kernels panels = new Kernels(vector.name() + (wide ? " four-vector panels" : " two-vector panels"),
                    vector.loss1d(), VectorNd.withPanels(wide), vector.steps());
            agreesAtAwkwardShapes(panels, wide ? 25 : 24);
        }
    }

    private static void agreesAtAwkwardShapes(Kernels vector, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ns = {1, 3, 4, 7, 8, 17, 33, 65, 129, 300}; // past one backward chunk (64 or 128 points)
        int[] ds = {1, 2, 3, 4, 5, 15, 16, 17, 50, 64};
        int[] ks = {1, 3, 7, 8, 15, 16, 17, 31, 33, 65, 100};
        int cases = 0;
        for (int n : ns) {
            for (int d : ds) {
                for (int k : ks) {
                    boolean always = n == 65 && d == 64 && k == 100 || n == 300 && d == 17 && k == 33;
                    if (r.nextInt(3) != 0 && !always) {
                        continue; // a third of the grid, chosen at random, plus two fixed shapes
                    }
                    cases++;
                    compare(vector, Problem.random(r, n, d, k));
                }
            }
        }
        if (cases < 100) {
            throw new AssertionError("too few shapes: " + cases);
        }
    }

    private static void compare(Kernels vector, Problem p) {
        int n = p.n;
        int k = p.k;
        int stride = p.d + 1;
        String at = vector.name() + " n=" + n + " d=" + p.d + " k=" + k;
        double[] fRef = new double[n];
        double[] fVec = new double[n];
        KernelProvider.scalar().lossNd().forward(p.x, n, p.d, p.w, p.v, k, fRef, new double[KernelProvider.scalar().lossNd().work(n, p.d, k)]);
        vector.lossNd().forward(p.x, n, p.d, p.w, p.v, k, fVec, new double[vector.lossNd().work(n, p.d, k)]);
        double[] df = new double[n];
        for (int i = 0; i < n; i++) {
            df[i] = 2 * (k + 4) * EPS * p.magnitude(i);
            near("f[" + i + "] " + at, fRef[i], fVec[i], df[i]);
        }
        double[] gWRef = new double[k * stride];
        double[] gvRef = new double[k];
        double[] gWVec = new double[k * stride];
        double[] gvVec = new double[k];
        double[] workRef = new double[KernelProvider.scalar().lossNd().work(n, p.d, k)];
        double lossRef = KernelProvider.scalar().lossNd().lossGrad(p.x, p.y, n, p.d, p.w, p.v, k, gWRef, gvRef, workRef);
        double[] workVec = new double[vector.lossNd().work(n, p.d, k)];
        double lossVec = vector.lossNd().lossGrad(p.x, p.y, n, p.d, p.w, p.v, k, gWVec, gvVec, workVec);
        // the residual gradients 2 (f - y) / n where each says it leaves them: f's tolerance, scaled
        int offRef = KernelProvider.scalar().lossNd().residualGradients(n, p.d, k);
        int offVec = vector.lossNd().residualGradients(n, p.d, k);
        for (int i = 0; i < n; i++) {
            near("residual gradient[" + i + "] scalar " + at, 2 * (fRef[i] - p.y[i]) / n, workRef[offRef + i], 2 * df[i] / n);
            near("residual gradient[" + i + "] " + at, workRef[offRef + i], workVec[offVec + i], 4 * df[i] / n);
        }
        double lossTol = 0;
        double sumG = 0;
        double sumDg = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.abs(fRef[i] - p.y[i]);
            lossTol += 2 * (r + df[i]) * df[i] / n;
            sumG += Math.abs(2 * r / n);
            sumDg += 2 * df[i] / n;
        }
        near("loss " + at, lossRef, lossVec, 2 * lossTol + 2 * (n + 4) * EPS * lossRef);
        double sum = 2 * (n + 4) * EPS;
        for (int j = 0; j < k; j++) {
            double reluMax = 0;
            for (int i = 0; i < n; i++) {
                reluMax = Math.max(reluMax, Math.max(p.z(i, j), 0) + 1e-300);
            }
            near("dL/dv[" + j + "] " + at, gvRef[j], gvVec[j], 2 * reluMax * (sum * sumG + sumDg));
            for (int t = 0; t < stride; t++) {
                // |x| <= 1 and the bias input is 1
                near("dL/dW[" + j + "," + t + "] " + at, gWRef[j * stride + t], gWVec[j * stride + t],
                        2 * Math.abs(p.v[j]) * (sum * sumG + sumDg));
            }
        }
    }
}
