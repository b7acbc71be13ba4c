package dev.sparsest.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.sparsest.kernel.KernelFixtures.EPS;
import static dev.sparsest.kernel.KernelFixtures.near;
import static dev.sparsest.kernel.KernelFixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented behaviour for NaN, +-0, +-Inf and subnormal inputs (see {@link Kernels}), on the
 * reference and, when present, identically on the vector implementation. Lengths reach the
 * vector body (several lanes) as well as the scalar tail.
 */
class SpecialValuesKernelTest {
    private static final int N = 37;
    private static final int K = 21;

    private static Kernels[] implementations() {
        return KernelProvider.vectorModulePresent()
                ? new Kernels[] {KernelProvider.scalar(), KernelProvider.vector()}
                : new Kernels[] {KernelProvider.scalar()};
    }

    private static double[] forward(Kernels kernels, double[] x, double[] w, double[] b, double[] v) {
        double[] out = new double[x.length];
        kernels.loss1d().forward(x, x.length, w, b, v, w.length, 0.25, -0.5, out);
        return out;
    }

    @Test
    void nanInputPointGivesNanThereOnly() {
        SplittableRandom r = new SplittableRandom(41);
        double[] x = uniform(r, N, -1, 1);
        double[] w = uniform(r, K, -1, 1);
        double[] b = uniform(r, K, -1, 1);
        double[] v = uniform(r, K, -1, 1);
        for (int at : new int[] {0, 5, 31, 36}) {
            double[] xn = x.clone();
            xn[at] = Double.NaN;
            for (Kernels k : implementations()) {
                double[] out = forward(k, xn, w, b, v);
                for (int i = 0; i < N; i++) {
                    assertEquals(i == at, Double.isNaN(out[i]), k.name() + " point " + i + " (NaN at " + at + ")");
                }
            }
        }
    }

    @Test
    void nanParameterMakesEveryOutputNan() {
        SplittableRandom r = new SplittableRandom(42);
        double[] x = uniform(r, N, -1, 1);
        double[] w = uniform(r, K, -1, 1);
        double[] b = uniform(r, K, -1, 1);
        double[] v = uniform(r, K, -1, 1);
        w[7] = Double.NaN;
        for (Kernels k : implementations()) {
            for (double f : forward(k, x, w, b, v)) {
                assertTrue(Double.isNaN(f), k.name());
            }
        }
    }

    @Test
    void infiniteInputsGiveNanNotAMaskedValue() {
        // relu would turn t = -Inf into 0 and hide it: the guards make such outputs NaN instead
        double[] x = new double[N];
        java.util.Arrays.fill(x, 1);
        x[3] = Double.POSITIVE_INFINITY;
        x[33] = Double.NEGATIVE_INFINITY;
        double[] w = new double[K];
        double[] b = new double[K];
        double[] v = new double[K];
        java.util.Arrays.fill(w, 1);
        java.util.Arrays.fill(v, 1);
        for (Kernels k : implementations()) {
            double[] out = forward(k, x, w, b, v);
            assertTrue(Double.isNaN(out[3]), k.name());
            assertTrue(Double.isNaN(out[33]), k.name());
            assertEquals(0.25 - 0.5 + K, out[0], 1e-12, k.name());
            double[] wInf = w.clone();
            wInf[K - 1] = Double.NEGATIVE_INFINITY; // this neuron is inactive at x = 1, still reported
            for (double f : forward(k, x, wInf, b, v)) {
                assertTrue(Double.isNaN(f), k.name());
            }
        }
    }

    @Test
    void nonFiniteMultivariateInputsGiveNan() {
        int n = 9;
        int d = 5;
        int k = 19;
        SplittableRandom r = new SplittableRandom(44);
        double[] x = uniform(r, n * d, -1, 1);
        double[] w = uniform(r, k * (d + 1), -1, 1);
        double[] v = uniform(r, k, -1, 1);
        x[2 * d + 3] = Double.NEGATIVE_INFINITY;
        for (Kernels kern : implementations()) {
            double[] out = new double[n];
            kern.lossNd().forward(x, n, d, w, v, k, out, new double[kern.lossNd().work(n, d, k)]);
            for (int i = 0; i < n; i++) {
                assertEquals(i == 2, Double.isNaN(out[i]), kern.name() + " row " + i);
            }
            double[] wn = w.clone();
            wn[5] = Double.NaN;
            kern.lossNd().forward(x, n, d, wn, v, k, out, new double[kern.lossNd().work(n, d, k)]);
            for (double f : out) {
                assertTrue(Double.isNaN(f), kern.name());
            }
        }
    }

    @Test
    void negativeZeroIsZeroAndTheDerivativeAtZeroIsZero() {
        // all pre-activations exactly +-0: f = a x + c, and no neuron counts as active for gradients
        double[] x = new double[N];
        double[] y = new double[N];
        java.util.Arrays.fill(x, -0.0);
        java.util.Arrays.fill(y, 1);
        double[] w = new double[K];
        double[] b = new double[K];
        java.util.Arrays.fill(b, -0.0);
        double[] v = uniform(new SplittableRandom(43), K, -1, 1);
        for (Kernels k : implementations()) {
            double[] out = forward(k, x, w, b, v);
            for (double f : out) {
                assertEquals(-0.5, f, 0.0, k.name());
            }
            double[] gw = new double[K];
            double[] gb = new double[K];
            double[] gv = new double[K];
            double[] gs = new double[2];
            k.loss1d().lossGrad(x, y, N, w, b, v, K, 0.25, -0.5, gw, gb, gv, gs, new double[Loss1dKernels.work(N)]);
            for (int j = 0; j < K; j++) {
                assertEquals(0.0, gw[j], 0.0, k.name());
                assertEquals(0.0, gb[j], 0.0, k.name());
                assertEquals(0.0, gv[j], 0.0, k.name());
            }
        }
    }

    @Test
    void subnormalsAreNotFlushed() {
        double sub = Double.MIN_NORMAL / 1024; // subnormal
        double[] x = new double[N];
        java.util.Arrays.fill(x, 1);
        double[] w = new double[K];
        double[] b = new double[K];
        double[] v = new double[K];
        w[0] = sub;
        v[0] = 1;
        java.util.Arrays.fill(b, 0);
        for (Kernels k : implementations()) {
            double[] out = new double[N];
            k.loss1d().forward(x, N, w, b, v, K, 0, 0, out);
            for (double f : out) {
                assertEquals(sub, f, 0.0, k.name() + ": relu(sub) = sub, not flushed to 0");
            }
            assertEquals(1, k.steps().countNonzero(v, w, K, 1, 0), k.name());
        }
    }

    @Test
    void countsAndProxOfZeroAndNan() {
        double[] v = new double[K];
        double[] w = new double[K];
        java.util.Arrays.fill(v, 1);
        w[4] = Double.NaN;
        for (Kernels k : implementations()) {
            assertEquals(0, k.steps().countNonzero(v, w, K, 1, 0), k.name() + ": NaN is not counted, zeros are not either");
            double[] vv = v.clone();
            double[] ww = w.clone();
            k.steps().proxStep(vv, ww, null, K, 1, new double[K], 0.1, 0.5);
            assertTrue(Double.isNaN(ww[4]) || Double.isNaN(vv[4]), k.name() + ": a NaN state is not silently zeroed");
            assertEquals(0.0, vv[0], 0.0, k.name() + ": zero products stay zero");
        }
    }
}
