package dev.sparsest.train;

import dev.sparsest.postprocess.UnivariateFit;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paper's univariate experiment (THEORY.md section 3) and the trainer's contracts. */
class UnivariateTrainerTest {
    private static final UnivariateDataset PEAK = UnivariateDataset.of(new double[] {-2, -1, 0, 1, 2, 3}, new double[] {0, 0, 1, 1, 0, 0});

    @Test
    void reweightedL1AtP04FindsTheExactThreeNeuronOptimum() {
        TrainedUnivariate t = new UnivariateTrainer(TrainConfig.defaults()).train(PEAK);
        UnivariateNetwork f = t.network();
        assertEquals(3, t.exact().neurons());
        assertEquals(3, f.neurons(), f.toString());
        assertEquals(0, t.neuronGap());
        assertArrayEquals(new double[] {-1, 0.5, 2}, f.knots(), 1e-3);
        assertArrayEquals(new double[] {1, -2, 1}, f.slopeChanges(), 1e-3);
        assertTrue(t.mseAfterPolish() <= 1e-20, "interpolates to round-off: " + t.mseAfterPolish());
        assertTrue(t.mseAfterPolish() <= t.mseBeforePolish());
        assertTrue(t.activeRaw() <= 6, "few raw active neurons: " + t.activeRaw());
    }

    @Test
    void adamAndAdamWKeepFarMoreNeurons() {
        TrainedUnivariate adam = new UnivariateTrainer(TrainConfig.defaults().withOptimizer(Optimizer.ADAM)).train(PEAK);
        TrainedUnivariate adamw = new UnivariateTrainer(TrainConfig.defaults().withOptimizer(Optimizer.ADAMW)).train(PEAK);
        assertTrue(adam.activeRaw() >= 30, "Adam: " + adam.activeRaw() + " of 80 active (paper: ~57)");
        assertTrue(adamw.activeRaw() >= 25, "AdamW: " + adamw.activeRaw() + " of 80 active (paper: ~46)");
        // post-processing is exact at the data: the merged, polished networks still interpolate
        assertTrue(adam.mseAfterPolish() <= 1e-20);
        assertTrue(adam.network().neurons() >= 3, "never below the l0 optimum");
    }

    @Test
    void trainingIsDeterministicForASeed() {
        TrainConfig cfg = TrainConfig.defaults().withEpochs(2000);
        TrainedUnivariate a = new UnivariateTrainer(cfg).train(PEAK);
        TrainedUnivariate b = new UnivariateTrainer(cfg).train(PEAK);
        assertArrayEquals(a.raw().w(), b.raw().w(), 0.0);
        assertArrayEquals(a.raw().v(), b.raw().v(), 0.0);
        TrainedUnivariate c = new UnivariateTrainer(cfg.withSeed(2)).train(PEAK);
        assertTrue(!java.util.Arrays.equals(c.raw().w(), a.raw().w()), "another seed, another start");
    }

    @Test
    void historyRecordsActiveNeuronsAlongTheWay() {
        TrainedUnivariate t = new UnivariateTrainer(TrainConfig.defaults().withEpochs(10_000)).train(PEAK);
        History h = t.history();
        assertEquals(10_000, h.epoch(h.size() - 1));
        assertTrue(h.activeAt(100) >= h.activeAt(10_000), "the support shrinks");
        assertEquals(-1, h.activeAt(0));
    }

    @Test
    void divergenceStopsWithTheEpochAndKeepsTheLastFiniteState() {
        UnivariateDataset huge = UnivariateDataset.of(new double[] {0, 1, 2, 3}, new double[] {0, 1e200, -1e200, 1e200});
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new UnivariateTrainer(TrainConfig.defaults().withEpochs(1000).withLearningRate(1e3)).train(huge));
        assertTrue(e.epoch() >= 1 && e.getMessage().contains("epoch " + e.epoch()), e.getMessage());
        dev.sparsest.model.UnivariateNeurons last = e.lastUnivariate().orElseThrow();
        for (double x = 0; x <= 3; x++) {
            assertTrue(Double.isFinite(last.evaluate(x)), "the last state is finite");
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withP(0));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withLambda(-1));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withWidth(0));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withEpochs(-1));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withRestarts(0));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withEarlyStop(-1));
    }

    @Test
    void restartsKeepTheBestRunAndReportAllEpochs() {
        UnivariateDataset d = UnivariateDataset.of(new double[] {0, 1.2, 2.1, 3.4, 4.0, 5.3, 6.1}, new double[] {0.3, -0.5, 0.9, 0.1, -0.7, 0.4, 0.8});
        TrainConfig one = TrainConfig.defaults().withEpochs(20_000).withWarmupEpochs(5000).withLambda(0.03).withNormalization(true);
        double floor = UnivariateFit.interpolationFloor(d);
        TrainedUnivariate best = new UnivariateTrainer(one.withRestarts(3)).train(d);
        for (int s = 1; s <= 3; s++) {
            TrainedUnivariate single = new UnivariateTrainer(one.withSeed(s)).train(d);
            assertTrue(!single.isBetterThan(best, floor, one.p()), "seed " + s + " beats the restarts' choice");
        }
        int[] last = {0};
        new UnivariateTrainer(one.withRestarts(2)).train(d, (epoch, loss, active) -> last[0] = epoch);
        assertEquals(40_000, last[0], "the second run's epochs are counted on");
    }

    @Test
    void aStopRequestEndsTheRunAndSkipsTheRestarts() {
        int[] calls = {0};
        TrainListener deadline = new TrainListener() {
            @Override
            public void onEpoch(int epoch, double loss, int active) {
                calls[0]++;
            }

            @Override
            public boolean stopRequested() {
                return calls[0] >= 3;
            }
        };
        TrainedUnivariate t = new UnivariateTrainer(TrainConfig.defaults().withRestarts(3)).train(PEAK, deadline);
        History h = t.history();
        assertEquals(4000, h.epoch(h.size() - 1), "stopped at the first report after the request");
        assertEquals(4, calls[0], "no further runs");
        assertTrue(t.network().neurons() <= 4, "post-processed as usual");
    }

    @Test
    void earlyStopEndsASettledRunAndRecordsItsLastEpoch() {
        TrainedUnivariate full = new UnivariateTrainer(TrainConfig.defaults()).train(PEAK);
        TrainedUnivariate early = new UnivariateTrainer(TrainConfig.defaults().withEarlyStop(10_000)).train(PEAK);
        History h = early.history();
        int stoppedAt = h.epoch(h.size() - 1);
        assertTrue(stoppedAt < 100_000, "the support settles long before 100k epochs: " + stoppedAt);
        assertEquals(0, (stoppedAt - 5) % 10_000, "stops at a check: " + stoppedAt);
        assertEquals(full.network().neurons(), early.network().neurons());
        assertArrayEquals(full.network().knots(), early.network().knots(), 1e-3);
    }
}
