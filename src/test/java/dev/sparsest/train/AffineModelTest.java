package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The affine model: its gradient, its neuron bound, and its independence of the data's units. */
class AffineModelTest {

    private static double[] uniform(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }

    /**
     * Central differences, h = 1e-6 on an O(1) problem: truncation O(h^2) plus rounding O(eps / h),
     * about 1e-10, so 1e-7 relative to the gradient's scale leaves room and still catches a wrong term.
     */
    @Test
    void theAffineGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 37, d = 5, k = 9;
        double[] x = uniform(r, n * d), y = uniform(r, n), w = uniform(r, k * (d + 1)), v = uniform(r, k), a = uniform(r, d + 1);
        for (Kernels kernels : new Kernels[] {KernelProvider.scalar(), KernelProvider.get()}) {
            try (MultivariateLoss loss = new MultivariateLoss(x, y, d, k, 1, kernels)) {
                double[] gw = new double[k * (d + 1)], gv = new double[k], ga = new double[d + 1];
                loss.lossGrad(w, v, a, k, gw, gv, ga);
                double h = 1e-6;
                for (int t = 0; t <= d; t++) {
                    double[] up = a.clone(), down = a.clone();
                    up[t] += h;
                    down[t] -= h;
                    double fd = (loss.lossGrad(w, v, up, k, new double[gw.length], new double[k], new double[d + 1])
                            - loss.lossGrad(w, v, down, k, new double[gw.length], new double[k], new double[d + 1])) / (2 * h);
                    assertEquals(fd, ga[t], 1e-7 * (1 + Math.abs(fd)), kernels.name() + " dL/da[" + t + "]");
                }
            }
        }
    }

    private static MultivariateDataset data(SplittableRandom r, int n, int d, double xScale, double xShift, double yScale, double yShift) {
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int t = 0; t < d; t++) {
                double u = r.nextDouble() * 2 - 1;
                x[i][t] = xShift + xScale * u;
                s += (t % 2 == 0 ? 1 : -1) * u;
            }
            y[i] = yShift + yScale * (Math.max(s, 0) + 0.3 * Math.sin(3 * s));
        }
        return MultivariateDataset.of(x, y);
    }

    @Test
    void atMostNNeuronsAfterReduction() {
        for (long seed = 1; seed <= 3; seed++) {
            MultivariateDataset small = data(new SplittableRandom(seed), 6, 3, 1, 0, 1, 0);
            TrainedMultivariate t = new MultivariateTrainer(TrainConfig.defaults().withWidth(20).withEpochs(3000).withLambda(1e-3)
                    .withSeed(seed)).train(small);
            assertTrue(t.activeNeurons() <= small.size(), "at most N neurons: " + t.activeNeurons());
            assertTrue(t.network().hasAffinePart());
        }
    }

    @Test
    void theUnitsOfTheDataDoNotChangeTheNetwork() {
        MultivariateDataset unit = data(new SplittableRandom(4), 40, 3, 1, 0, 1, 0);
        MultivariateDataset scaled = data(new SplittableRandom(4), 40, 3, 250, 1e4, 1e-3, -7);
        TrainConfig config = TrainConfig.defaults().withWidth(8).withEpochs(1500).withLambda(0.01);
        TrainedMultivariate a = new MultivariateTrainer(config).train(unit);
        TrainedMultivariate b = new MultivariateTrainer(config).train(scaled);
        assertEquals(a.activeNeurons(), b.activeNeurons());
        assertEquals(a.nonzeroParameters(), b.nonzeroParameters());
        for (int i = 0; i < unit.size(); i++) {
            double fa = a.network().evaluate(unit.inputs(), i * 3);
            double fb = b.network().evaluate(scaled.inputs(), i * 3);
            // the standardized problems agree to rounding, so do the trained networks, in the target's units
            assertEquals(fa, (fb + 7) / 1e-3, 1e-6 * (1 + Math.abs(fa)), "row " + i);
        }
    }
}
