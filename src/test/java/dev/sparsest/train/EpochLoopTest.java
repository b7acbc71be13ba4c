package dev.sparsest.train;

import dev.sparsest.kernel.KernelProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared epoch loop on a scripted problem: what a diverged run gives back, and its layout checks. */
class EpochLoopTest {

    /**
     * Four 1-D neurons, two of them dead from the start (v = w = b = 0), zero gradients and lambda
     * 0, so the parameters only change by the first proximal step's balancing; the dead pair is
     * compacted away at epoch 64. The loss stops being finite at {@code badEpoch}.
     */
    private static final class Scripted implements EpochLoop.Problem {
        final int badEpoch;
        int epoch;
        int restoredWidth = -1;
        double[] restoredV;
        double[] restoredW;
        final ParameterGroup w = ParameterGroup.of(new double[] {1, 0, 2, 0}, 1, 0);
        final ParameterGroup b = ParameterGroup.of(new double[] {0.5, 0, -0.5, 0}, 1, 0);
        final ParameterGroup v = ParameterGroup.of(new double[] {1, 0, -1, 0}, 1, 0);
        final ParameterGroup skip = ParameterGroup.of(new double[] {0.25, -0.75}, 0, 2);

        Scripted(int badEpoch) {
            this.badEpoch = badEpoch;
        }

        @Override
        public double lossGrad(int k) {
            return ++epoch < badEpoch ? 1.0 : Double.NaN;
        }

        @Override
        public TrainingDivergedException diverged(int at, double loss, int k) {
            restoredWidth = k;
            restoredV = java.util.Arrays.copyOf(v.param(), k);
            restoredW = java.util.Arrays.copyOf(w.param(), k);
            return new TrainingDivergedException(at, loss, null, null);
        }

        int run() {
            TrainConfig config = TrainConfig.defaults().withEpochs(200).withWarmupEpochs(0).withLambda(0).withP(0.5);
            EpochLoop loop = new EpochLoop(config, KernelProvider.scalar(), 1e-8, 1, w, b, v, skip);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> loop.run(this, 4, new double[] {0, 1}, History.forEpochs(200), TrainListener.none()));
            return e.epoch();
        }
    }

    @Test
    void aRunThatDivergesRightAfterACompactionComesBackAtTheWidthItWasSavedWith() {
        Scripted s = new Scripted(65); // saved at epoch 64 with 4 neurons, compacted to 2, NaN at 65
        assertEquals(65, s.run());
        assertEquals(4, s.restoredWidth, "the saved state had four neurons (before this was shared: two of the old layout)");
        double r = Math.sqrt(2); // neuron 2 after balancing: v = -sqrt 2, w = sqrt 2
        assertArrayEquals(new double[] {1, 0, -r, 0}, s.restoredV, 1e-12);
        assertArrayEquals(new double[] {1, 0, r, 0}, s.restoredW, 1e-12);
    }

    @Test
    void aRunThatDivergesLaterComesBackCompacted() {
        Scripted s = new Scripted(70);
        assertEquals(70, s.run());
        assertEquals(2, s.restoredWidth);
        double r = Math.sqrt(2);
        assertArrayEquals(new double[] {1, -r}, s.restoredV, 1e-12);
        assertArrayEquals(new double[] {1, r}, s.restoredW, 1e-12);
    }

    @Test
    void aRunThatDivergesAtOnceGivesBackItsInitialParameters() {
        Scripted s = new Scripted(1);
        assertEquals(1, s.run());
        assertEquals(4, s.restoredWidth);
        assertArrayEquals(new double[] {1, 0, -1, 0}, s.restoredV, 0.0);
        assertArrayEquals(new double[] {0.25, -0.75}, s.skip.param(), 0.0);
    }

    @Test
    void layoutsCompactionWouldBreakAreRefused() {
        ParameterGroup w = ParameterGroup.of(new double[4], 1, 0);
        ParameterGroup v = ParameterGroup.of(new double[4], 1, 0);
        TrainConfig config = TrainConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> new EpochLoop(config, KernelProvider.scalar(), 0, 2, w, null, v),
                "w with one entry per neuron where m = 2");
        assertThrows(IllegalArgumentException.class, () -> new EpochLoop(config, KernelProvider.scalar(), 0, 1, w, null, v,
                ParameterGroup.of(new double[4], 1, 0)), "a per-neuron group among the unpenalized rest");
        assertThrows(IllegalArgumentException.class, () -> new EpochLoop(config, KernelProvider.scalar(), 0, 1, w, null,
                ParameterGroup.of(new double[6], 1, 2)), "v with entries outside the neurons");
    }
}
