package dev.sparsest.train;

import dev.sparsest.data.Dataset1D;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer against the exact solver on random 1-D data (N = 5..12). Every trained, merged and
 * polished network that interpolates must have at least the l0 count (fewer would be a bug: no
 * interpolant has fewer) and at most N - 2 neurons. The rate of reaching the exact l0 count is the
 * trainer's quality: with the paper's settings it is poor on such data (the proximal step starts
 * at epoch 6, before Adam has fitted anything, and the data lie away from the initial knots).
 * With x normalized, a 20 000-epoch warm-up and lambda = 0.03, 34 of these 40 datasets (85%)
 * reach the l0 count, all of them interpolating; the test guards 75% (the issue asks for 90%: open).
 */
class TrainerAgreementTest {

    @Test
    void trainedNetworksNeverBeatTheExactOptimumAndOftenMatchIt() {
        SplittableRandom r = new SplittableRandom(42);
        ChordPathSolver exact = new ChordPathSolver();
        int datasets = 40;
        int matched = 0;
        int interpolating = 0;
        for (int s = 0; s < datasets; s++) {
            int n = 5 + r.nextInt(8);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 0.5 * r.nextDouble();
                y[i] = Math.round((2 * r.nextDouble() - 1) * 100) / 100.0;
            }
            Dataset1D d = Dataset1D.of(x, y);
            int l0 = exact.solve(d, Penalty.l0()).neurons();
            TrainConfig cfg = TrainConfig.defaults().withSeed(s).withWarmupEpochs(20_000).withLambda(0.03).withNormalization(true);
            TrainedUnivariate t = new UnivariateTrainer(cfg).train(d);
            int got = t.network().neurons();
            if (t.mseAfterPolish() <= 1e-24 * d.yScale() * d.yScale()) {
                interpolating++;
                assertTrue(got >= l0, "an interpolant with fewer neurons than the l0 optimum: " + got + " < " + l0);
                assertTrue(got <= n - 2, got + " neurons for " + n + " points");
                if (got == l0) {
                    matched++;
                }
            }
        }
        assertTrue(interpolating >= datasets * 75 / 100, "interpolating after polish: " + interpolating + " of " + datasets);
        assertTrue(matched >= datasets * 75 / 100, "exact l0 count reached: " + matched + " of " + datasets + ", interpolating " + interpolating);
    }
}
