package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The data-parallel loss against the one-thread loss: the same mean and gradients up to the
 * rounding of a different summation order (relative 1e-12: sums of a few thousand terms of
 * similar size), reproducible for a given thread count, and the worker team itself.
 */
class ParallelLossTest {
    private static final Kernels K = KernelProvider.get();

    @Test
    void slicesCoverThePointsWithWeightsSummingToOne() {
        DataSlices s = new DataSlices(7, 3);
        assertArrayEquals(new int[] {0, 2, 4, 7}, s.start);
        assertEquals(1.0, s.weight[0] + s.weight[1] + s.weight[2], 1e-15);
    }

    @Test
    void oneDimensionalLossAgreesAcrossThreadCounts() {
        for (int[] shape : new int[][] {{5, 3}, {33, 17}, {1000, 16}, {4097, 300}}) {
            int n = shape[0], k = shape[1];
            SplittableRandom r = new SplittableRandom(n);
            double[] x = sorted(r, n), y = uniform(r, n), w = uniform(r, k), b = uniform(r, k), v = uniform(r, k);
            double[][] g1 = new double[4][];
            double loss1;
            try (UnivariateLoss one = new UnivariateLoss(x, y, k, 1, K)) {
                g1 = grads(k);
                loss1 = one.lossGrad(w, b, v, k, 0.3, -0.1, g1[0], g1[1], g1[2], g1[3]);
            }
            for (int threads : new int[] {2, 3}) {
                try (UnivariateLoss par = new UnivariateLoss(x, y, k, threads, K)) {
                    double[][] g = grads(k);
                    double loss = par.lossGrad(w, b, v, k, 0.3, -0.1, g[0], g[1], g[2], g[3]);
                    assertEquals(loss1, loss, 1e-12 * loss1, "loss " + n + "x" + k + " on " + threads);
                    for (int i = 0; i < 4; i++) {
                        assertClose(g1[i], g[i], "gradient " + i + " " + n + "x" + k + " on " + threads);
                    }
                    double[][] again = grads(k);
                    assertEquals(loss, par.lossGrad(w, b, v, k, 0.3, -0.1, again[0], again[1], again[2], again[3]), 0.0);
                    assertArrayEquals(g[0], again[0], 0.0, "bitwise reproducible for a thread count");
                }
            }
        }
    }

    @Test
    void multivariateLossAgreesAcrossThreadCounts() {
        int n = 301, d = 7, k = 19;
        SplittableRandom r = new SplittableRandom(5);
        double[] x = uniform(r, n * d), y = uniform(r, n), w = uniform(r, k * (d + 1)), v = uniform(r, k);
        for (double[] affine : new double[][] {null, uniform(r, d + 1)}) { // the paper's model, then the affine one
            double[] gw1 = new double[k * (d + 1)], gv1 = new double[k], gw2 = new double[k * (d + 1)], gv2 = new double[k];
            double[] ga1 = affine == null ? null : new double[d + 1], ga2 = affine == null ? null : new double[d + 1];
            double loss1, loss2;
            try (MultivariateLoss one = new MultivariateLoss(x, y, d, k, 1, K); MultivariateLoss two = new MultivariateLoss(x, y, d, k, 2, K)) {
                loss1 = one.lossGrad(w, v, affine, k, gw1, gv1, ga1);
                loss2 = two.lossGrad(w, v, affine, k, gw2, gv2, ga2);
            }
            assertEquals(loss1, loss2, 1e-12 * loss1);
            assertClose(gw1, gw2, "gW");
            assertClose(gv1, gv2, "gv");
            if (affine != null) {
                assertClose(ga1, ga2, "ga");
            }
        }
    }

    @Test
    void trainingOnTwoThreadsIsReproducibleAndCloseToOneThread() {
        SplittableRandom r = new SplittableRandom(9);
        UnivariateDataset d = UnivariateDataset.of(sorted(r, 300), uniform(r, 300));
        TrainConfig cfg = TrainConfig.defaults().withEpochs(300).withWidth(64);
        TrainedUnivariate a = new UnivariateTrainer(cfg.withThreads(2)).train(d);
        TrainedUnivariate b = new UnivariateTrainer(cfg.withThreads(2)).train(d);
        TrainedUnivariate one = new UnivariateTrainer(cfg.withThreads(1)).train(d);
        assertArrayEquals(a.raw().w(), b.raw().w(), 0.0);
        assertArrayEquals(one.raw().w(), a.raw().w(), 1e-6, "300 epochs apart only by rounding");
        double[][] x = new double[40][3];
        double[] y = uniform(r, 40);
        for (double[] row : x) {
            row[0] = r.nextDouble();
            row[1] = r.nextDouble();
            row[2] = r.nextDouble();
        }
        TrainConfig nd = TrainConfig.defaults().withEpochs(200).withWidth(20);
        TrainedMultivariate m1 = new MultivariateTrainer(nd.withThreads(2)).train(MultivariateDataset.of(x, y));
        TrainedMultivariate m2 = new MultivariateTrainer(nd.withThreads(2)).train(MultivariateDataset.of(x, y));
        assertEquals(m1.mseTrained(), m2.mseTrained(), 0.0);
    }

    @Test
    void workersRunEveryPartEveryRoundAndPassFailuresOn() {
        try (Workers team = new Workers(3)) {
            AtomicLong sum = new AtomicLong();
            for (int round = 0; round < 10_000; round++) {
                team.run(part -> sum.addAndGet(part + 1));
            }
            assertEquals(60_000, sum.get());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(part -> {
                if (part == 2) {
                    throw new IllegalStateException("part 2");
                }
            }));
            assertEquals("part 2", e.getMessage());
            team.run(part -> sum.addAndGet(1));
            assertEquals(60_003, sum.get(), "usable after a failure");
        }
        assertThrows(IllegalArgumentException.class, () -> new Workers(0));
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertArrayEquals(expected, actual, 1e-12 * Math.max(scale, 1e-300), what);
    }

    private static double[][] grads(int k) {
        return new double[][] {new double[k], new double[k], new double[k], new double[2]};
    }

    private static double[] sorted(SplittableRandom r, int n) {
        double[] x = uniform(r, n);
        java.util.Arrays.sort(x);
        return x;
    }

    private static double[] uniform(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }
}
