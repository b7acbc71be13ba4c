package dev.sparsest.kernel;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.sparsest.kernel.KernelFixtures.EPS;
import static dev.sparsest.kernel.KernelFixtures.near;
import static dev.sparsest.kernel.KernelFixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The sorted-knot sweep against the dense reference. The sweep sums active neurons as
 * (a + A) x + (c + B), a different association than the dense sum: differences within
 * 4 (N + K) eps times the absolute terms. Knots placed exactly on data points test the strict
 * inequalities (w &gt; 0 active for x &gt; u, w &lt; 0 for x &lt; u); w = 1 there, so both roundings agree.
 */
class KnotSweepTest {

    @Test
    void sweepAgreesWithTheDenseReference() {
        SplittableRandom r = new SplittableRandom(51);
        KnotSweep sweep = new KnotSweep(1100, 1100);
        for (int n : new int[] {1, 2, 3, 17, 64, 257, 1025}) {
            for (int k : new int[] {0, 1, 2, 7, 33, 1024}) {
                for (int rep = 0; rep < 3; rep++) { // repeated calls reuse the previous knot order
                    check(sweep, r, n, k);
                }
            }
        }
    }

    private static void check(KnotSweep sweep, SplittableRandom r, int n, int k) {
        double[] x = uniform(r, n, -2, 2);
        Arrays.sort(x);
        if (n > 4) {
            x[2] = x[1]; // repeated x
        }
        double[] y = uniform(r, n, -1, 1);
        double[] w = uniform(r, k, -1.5, 1.5);
        double[] b = uniform(r, k, -1, 1);
        double[] v = uniform(r, k, -1, 1);
        for (int j = 0; j < k; j++) {
            int kind = r.nextInt(8);
            if (kind == 0) {
                w[j] = 0;
            } else if (kind == 1 && n > 0) {
                w[j] = r.nextBoolean() ? 1 : -1;
                b[j] = -w[j] * x[r.nextInt(n)]; // knot exactly on a data point
            } else if (kind == 2 && j > 0) {
                w[j] = w[j - 1] * 2;
                b[j] = b[j - 1] * 2; // same knot as the previous neuron
            }
        }
        double a = r.nextDouble() - 0.5;
        double c = r.nextDouble() - 0.5;
        double[] ref = new double[n];
        double[] got = new double[n];
        KernelProvider.scalar().loss1d().forward(x, n, w, b, v, k, a, c, ref);
        sweep.forward(x, n, w, b, v, k, a, c, got);
        double[] mag = new double[n];
        for (int i = 0; i < n; i++) {
            mag[i] = Math.abs(a * x[i]) + Math.abs(c);
            for (int j = 0; j < k; j++) {
                mag[i] += Math.abs(v[j]) * (Math.abs(w[j] * x[i]) + Math.abs(b[j]));
            }
            near("sweep f[" + i + "] n=" + n + " k=" + k, ref[i], got[i], 4 * (n + k) * EPS * mag[i]);
        }
        double[] gw1 = new double[k], gb1 = new double[k], gv1 = new double[k], gs1 = new double[2];
        double[] gw2 = new double[k], gb2 = new double[k], gv2 = new double[k], gs2 = new double[2];
        double[] work = new double[Loss1dKernels.work(n)];
        double l1 = KernelProvider.scalar().loss1d().lossGrad(x, y, n, w, b, v, k, a, c, gw1, gb1, gv1, gs1, work);
        double l2 = sweep.lossGrad(x, y, n, w, b, v, k, a, c, gw2, gb2, gv2, gs2);
        double sumG = 0;
        double sumDg = 0;
        for (int i = 0; i < n; i++) {
            sumG += Math.abs(work[i]) * 2;
            sumDg += 2.0 / n * 4 * (n + k) * EPS * mag[i] * 2;
        }
        double sum = 4 * (n + k) * EPS;
        near("loss n=" + n + " k=" + k, l1, l2, 4 * (n + k) * EPS * (l1 + 1) + sumDg);
        for (int j = 0; j < k; j++) {
            double bound = sum * sumG + sumDg;
            near("dL/dw[" + j + "]", gw1[j], gw2[j], Math.abs(v[j]) * bound);
            near("dL/db[" + j + "]", gb1[j], gb2[j], Math.abs(v[j]) * bound);
            near("dL/dv[" + j + "]", gv1[j], gv2[j], (Math.abs(w[j]) * 2 + Math.abs(b[j])) * bound);
        }
        near("dL/da", gs1[0], gs2[0], 2 * (sum * sumG + sumDg));
        near("dL/dc", gs1[1], gs2[1], sum * sumG + sumDg);
    }

    @Test
    void refusesUnsortedDataAndOversizedProblems() {
        KnotSweep sweep = new KnotSweep(4, 4);
        double[] out = new double[3];
        assertThrows(IllegalArgumentException.class,
                () -> sweep.forward(new double[] {0, 2, 1}, 3, new double[1], new double[1], new double[1], 1, 0, 0, out));
        assertThrows(IllegalArgumentException.class,
                () -> sweep.forward(new double[5], 5, new double[1], new double[1], new double[1], 1, 0, 0, new double[5]));
    }
}
