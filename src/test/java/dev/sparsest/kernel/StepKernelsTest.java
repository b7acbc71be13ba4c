package dev.sparsest.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.sparsest.kernel.KernelFixtures.LENGTHS;
import static dev.sparsest.kernel.KernelFixtures.bitEqual;
import static dev.sparsest.kernel.KernelFixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step kernels: counts, products, the proximal step and Adam, all bit-identical on both
 * implementations (the proximal step is the reference's on both).
 */
class StepKernelsTest {
    private static final int[] FAN_INS = {1, 2, 3, 7, 8, 17, 51, 65};

    /** Products spanning many magnitudes, with exact zeros. */
    static double[] wide(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(8) == 0 ? 0.0 : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 8);
        }
        return a;
    }

    @Test
    void scalarCountsMatchTheDefinition() {
        double[] v = {2, -1, 0.5};
        double[] w = {0.5, 4, 0};
        assertEquals(2, KernelProvider.scalar().steps().countNonzero(v, w, 3, 1, 1e-8));
        double[] wd = {1, 0, 0, 0, 0, 3};
        assertEquals(2, KernelProvider.scalar().steps().countNonzero(v, wd, 3, 2, 0));
    }

    @Test
    void vectorCountsAndProductsAgree() {
        Kernels vector = KernelFixtures.vectorOrSkip();
        SplittableRandom r = new SplittableRandom(31);
        for (int k : LENGTHS) {
            for (int m : FAN_INS) {
                double[] v = wide(r, k);
                double[] w = wide(r, k * m);
                String at = vector.name() + " k=" + k + " m=" + m;
                for (double thr : new double[] {0, 1e-8, 1e-6, 1e-3}) {
                    assertEquals(KernelProvider.scalar().steps().countNonzero(v, w, k, m, thr), vector.steps().countNonzero(v, w, k, m, thr), at);
                }
                double[] a = new double[k * m];
                double[] b = new double[k * m];
                KernelProvider.scalar().steps().products(v, w, k, m, a);
                vector.steps().products(v, w, k, m, b);
                bitEqual("products " + at, a, b, k * m);
            }
        }
    }

    @Test
    void scalarProxStepFollowsTheAlgorithm() {
        // 1-D, p = 0.5, lambdaLr = 0.1: threshold 0.05 |qPrev|^-0.5
        double[] v = {2, -1, 1, 0.5};
        double[] w = {1, 1, 1e-3, 2};
        double[] b = {-1, 3, 1, 4};
        double[] qPrev = {2, -1, 0, 0.25};
        KernelProvider.scalar().steps().proxStep(v, w, b, 4, 1, qPrev, 0.1, 0.5);
        double u0 = 2 - 0.05 / Math.sqrt(2);
        assertEquals(Math.sqrt(u0), v[0], 1e-15);
        assertEquals(u0, v[0] * w[0], 1e-15);
        assertEquals(1.0, -b[0] / w[0], 1e-15, "knot kept");
        double u1 = -(1 - 0.05);
        assertEquals(-Math.sqrt(-u1), v[1], 1e-15, "sign of v kept");
        assertEquals(u1, v[1] * w[1], 1e-15);
        assertEquals(-3.0, -b[1] / w[1], 1e-15);
        assertEquals(0, v[2], "qPrev = 0: infinite threshold, the neuron stays dead");
        assertEquals(0, w[2]);
        assertEquals(0, b[2]);
        assertEquals(1 - 0.05 / 0.5, v[3] * w[3], 1e-15);
        // d-D: |v| = ||w||_2 after the step
        double[] vd = {3};
        double[] wd = {1, -2, 0.5};
        double[] qd = {3, -6, 1.5};
        KernelProvider.scalar().steps().proxStep(vd, wd, null, 1, 3, qd, 0.01, 1);
        double[] u = {3 - 0.01, -(6 - 0.01), 1.5 - 0.01};
        double norm = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        assertEquals(Math.sqrt(norm), vd[0], 1e-14);
        assertEquals(Math.abs(vd[0]), Math.sqrt(wd[0] * wd[0] + wd[1] * wd[1] + wd[2] * wd[2]), 1e-14);
        for (int t = 0; t < 3; t++) {
            assertEquals(u[t], vd[0] * wd[t], 1e-14);
        }
    }

    /** The vector choice runs the reference's proximal step ({@link StepKernels#proxStep} says why): the same bits. */
    @Test
    void vectorProxStepIsTheReference() {
        Kernels vector = KernelFixtures.vectorOrSkip();
        SplittableRandom r = new SplittableRandom(32);
        for (int k : LENGTHS) {
            for (int m : FAN_INS) {
                for (double p : new double[] {0.4, 0.7, 1}) {
                    double[] v = wide(r, k);
                    double[] w = uniform(r, k * m, -1, 1);
                    double[] b = m == 1 ? uniform(r, k, -1, 1) : null;
                    double[] qPrev = new double[k * m];
                    KernelProvider.scalar().steps().products(v, w, k, m, qPrev);
                    for (int e = 0; e < qPrev.length; e++) {
                        qPrev[e] *= 1 + 0.1 * r.nextGaussian(); // previous products near the current ones
                    }
                    double lambdaLr = 1e-3 * r.nextDouble();
                    double[] v1 = v.clone(), w1 = w.clone(), b1 = b == null ? null : b.clone();
                    double[] v2 = v.clone(), w2 = w.clone(), b2 = b == null ? null : b.clone();
                    KernelProvider.scalar().steps().proxStep(v1, w1, b1, k, m, qPrev, lambdaLr, p);
                    vector.steps().proxStep(v2, w2, b2, k, m, qPrev, lambdaLr, p);
                    String at = vector.name() + " k=" + k + " m=" + m + " p=" + p;
                    bitEqual("v " + at, v1, v2, k);
                    bitEqual("w " + at, w1, w2, k * m);
                    if (b != null) {
                        bitEqual("b " + at, b1, b2, k);
                    }
                }
            }
        }
    }

    /**
     * The 1-D proximal step (one product per neuron, its own loop) against the step as written
     * for any fan-in before that loop existed, at m = 1, bit for bit, on products from 1e-300 to
     * 1e300 (where squaring them would underflow or overflow).
     */
    @Test
    void oneDimensionalProxStepIsTheGeneralStepAtFanInOne() {
        SplittableRandom r = new SplittableRandom(33);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + r.nextInt(40);
            double[] v = new double[k], w = new double[k], b = new double[k], qPrev = new double[k];
            for (int j = 0; j < k; j++) {
                v[j] = r.nextInt(6) == 0 ? 0.0 : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(301) - 150);
                w[j] = r.nextInt(6) == 0 ? 0.0 : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(301) - 150);
                b[j] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(21) - 10);
                qPrev[j] = v[j] * w[j] * (1 + 0.1 * r.nextGaussian());
            }
            double p = r.nextBoolean() ? 1 : 0.05 + 0.9 * r.nextDouble();
            double lambdaLr = Math.pow(10, r.nextInt(12) - 10);
            double[] v1 = v.clone(), w1 = w.clone(), b1 = b.clone();
            double[] v2 = v.clone(), w2 = w.clone(), b2 = b.clone();
            KernelProvider.scalar().steps().proxStep(v1, w1, b1, k, 1, qPrev, lambdaLr, p);
            generalStepAtFanInOne(v2, w2, b2, k, qPrev, lambdaLr, p);
            bitEqual("v trial " + trial, v2, v1, k);
            bitEqual("w trial " + trial, w2, w1, k);
            bitEqual("b trial " + trial, b2, b1, k);
        }
    }

    /** The general loop of the proximal step as it read before the 1-D loop, with m = 1. */
    private static void generalStepAtFanInOne(double[] v, double[] w, double[] b, int k, double[] qPrev, double lambdaLr, double p) {
        int m = 1;
        double lp = lambdaLr * p;
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int row = j * m;
            double wOld = w[row];
            double norm2 = 0;
            for (int t = 0; t < m; t++) {
                double u = ProxMath.softThreshold(vj * w[row + t], ProxMath.threshold(qPrev[row + t], lp, p));
                w[row + t] = u;
                norm2 += u * u;
            }
            double vAbs = m == 1 ? Math.sqrt(Math.abs(w[row])) : Math.sqrt(Math.sqrt(norm2));
            if (vAbs == 0) {
                v[j] = 0;
                for (int t = 0; t < m; t++) {
                    w[row + t] = 0;
                }
                b[j] = 0;
                continue;
            }
            double vNew = Math.copySign(vAbs, vj);
            for (int t = 0; t < m; t++) {
                w[row + t] = w[row + t] / vNew;
            }
            v[j] = vNew;
            b[j] = b[j] * (w[row] / wOld);
        }
    }

    @Test
    void zeroProductsStayZeroEvenWithoutAPenalty() {
        // threshold lambda lr p |0|^(p - 1) is infinite; with lambda = 0 a naive 0 * Inf gave NaN
        for (Kernels kernels : new Kernels[] {KernelProvider.scalar(), KernelFixtures.vectorOrScalar()}) {
            for (double lambdaLr : new double[] {0, 1e-4}) {
                double[] v = {0.5, -0.2, 0.3, 0.1, 0.7, -0.4, 0.2, 0.9, 0.6};
                double[] w = new double[9 * 3];
                double[] qPrev = new double[9 * 3];
                for (int e = 0; e < w.length; e++) {
                    w[e] = e % 3 == 0 ? 0.0 : 0.25 + 0.01 * e;
                    qPrev[e] = e % 3 == 0 ? 0.0 : v[e / 3] * w[e];
                }
                w[3] = 0.4; // a zero product that Adam moved: the prox puts it back to zero
                kernels.steps().proxStep(v, w, null, 9, 3, qPrev, lambdaLr, 0.4);
                for (int e = 0; e < w.length; e++) {
                    String at = kernels.name() + " lambda lr " + lambdaLr + " entry " + e;
                    assertTrue(Double.isFinite(w[e]) && Double.isFinite(v[e / 3]), at + ": " + w[e]);
                    if (e % 3 == 0) {
                        assertEquals(0.0, w[e], 0.0, at);
                    } else {
                        assertTrue(w[e] != 0, at + ": a nonzero product with a tiny threshold survives");
                    }
                }
            }
        }
    }

    @Test
    void adamAndAdamWAreBitIdentical() {
        Kernels vector = KernelFixtures.vectorOrSkip();
        SplittableRandom r = new SplittableRandom(33);
        for (int n : LENGTHS) {
            for (double wd : new double[] {0, 0.003}) {
                double[] p1 = uniform(r, n, -1, 1);
                double[] g = uniform(r, n, -1, 1);
                double[] m1 = uniform(r, n, -0.1, 0.1);
                double[] s1 = uniform(r, n, 0, 0.01);
                double[] p2 = p1.clone(), m2 = m1.clone(), s2 = s1.clone();
                for (int step = 1; step <= 3; step++) {
                    KernelProvider.scalar().steps().adam(p1, g, m1, s1, n, new AdamStep(0.01, 0.9, 0.999, 1e-8, wd).at(step));
                    vector.steps().adam(p2, g, m2, s2, n, new AdamStep(0.01, 0.9, 0.999, 1e-8, wd).at(step));
                }
                bitEqual("param n=" + n, p1, p2, n);
                bitEqual("m1 n=" + n, m1, m2, n);
                bitEqual("m2 n=" + n, s1, s2, n);
            }
        }
    }

    @Test
    void scalarAdamMatchesPyTorchFormulas() {
        double[] p = {1.0};
        double[] m = {0};
        double[] s = {0};
        KernelProvider.scalar().steps().adam(p, new double[] {0.5}, m, s, 1, new AdamStep(0.01, 0.9, 0.999, 1e-8, 0).at(1));
        // first step: m_hat = g, v_hat = g^2, update = lr * g / (|g| + eps)
        assertEquals(1 - 0.01 * 0.5 / (0.5 + 1e-8), p[0], 1e-15);
        double[] q = {1.0};
        KernelProvider.scalar().steps().adam(q, new double[] {0.5}, new double[1], new double[1], 1, new AdamStep(0.01, 0.9, 0.999, 1e-8, 0.5).at(1));
        assertEquals(1 * (1 - 0.01 * 0.5) - 0.01 * 0.5 / (0.5 + 1e-8), q[0], 1e-15, "AdamW decays first");
        assertThrows(IllegalArgumentException.class,
                () -> KernelProvider.scalar().steps().adam(p, p, m, s, 1, new AdamStep(0.01, 0.9, 0.999, 1e-8, 0).at(0)));
        assertThrows(IllegalStateException.class,
                () -> KernelProvider.scalar().steps().adam(p, p, m, s, 1, new AdamStep(0.01, 0.9, 0.999, 1e-8, 0)),
                "a step that was never placed at some t");
    }
}
