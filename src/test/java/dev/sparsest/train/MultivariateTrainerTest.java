package dev.sparsest.train;

import dev.sparsest.model.MultivariateModel;
import dev.sparsest.data.MultivariateDataset;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paper's high-dimensional experiment: N = 10, d = 50, K = 100, lambda = 0.005, 100k epochs. */
class MultivariateTrainerTest {

    static MultivariateDataset paperData(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 10;
        int d = 50;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i][t] = 2 * r.nextDouble() - 1;
            }
            y[i] = 2 * r.nextDouble() - 1;
        }
        return MultivariateDataset.of(x, y);
    }

    private static final TrainConfig PAPER = TrainConfig.defaults().withWidth(100).withLambda(0.005).withModel(MultivariateModel.PAPER);

    @Test
    void reweightedL1AtP04EndsWithinTheMultivariateBounds() {
        MultivariateDataset data = paperData(7);
        TrainedMultivariate t = new MultivariateTrainer(PAPER).train(data);
        assertTrue(t.activeNeurons() <= 10, "at most N = 10 active neurons (Prop. 4.1): " + t.activeNeurons());
        assertTrue(t.nonzeroParameters() <= 20, "at most 2N = 20 nonzero parameters: " + t.nonzeroParameters());
        assertTrue(t.mseAfterPolish() <= 1e-6, "MSE after polish " + t.mseAfterPolish());
        assertEquals(t.nonzeroParameters(), t.history().activeAt(100_000), "the count in the history is the final one");

        TrainedMultivariate adam = new MultivariateTrainer(PAPER.withOptimizer(Optimizer.ADAM)).train(data);
        assertTrue(adam.nonzeroParameters() > 10 * t.nonzeroParameters(),
                "Adam keeps " + adam.nonzeroParameters() + " parameters against " + t.nonzeroParameters());
    }

    @Test
    void restartsOfThePaperModelKeepTheBestRun() {
        MultivariateDataset data = paperData(3);
        TrainConfig config = PAPER.withEpochs(20_000);
        TrainedMultivariate one = new MultivariateTrainer(config).train(data);
        TrainedMultivariate two = new MultivariateTrainer(config.withSeed(2)).train(data);
        TrainedMultivariate both = new MultivariateTrainer(config.withRestarts(2)).train(data);
        TrainedMultivariate better = two.nonzeroParameters() < one.nonzeroParameters()
                || (two.nonzeroParameters() == one.nonzeroParameters() && two.mseAfterPolish() < one.mseAfterPolish()) ? two : one;
        boolean fitsOne = one.mseAfterPolish() <= 1e-24;
        boolean fitsTwo = two.mseAfterPolish() <= 1e-24;
        if (fitsOne != fitsTwo) {
            better = fitsOne ? one : two;
        }
        assertEquals(better.nonzeroParameters(), both.nonzeroParameters());
        assertEquals(better.mseAfterPolish(), both.mseAfterPolish(), 0.0, "the same run, bit for bit");
    }

    @Test
    void settingsItDoesNotHonourAreRefusedByName() {
        var restarts = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MultivariateTrainer(TrainConfig.defaults().withRestarts(3)));
        assertTrue(restarts.getMessage().contains("restarts"), restarts.getMessage());
        var normalize = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MultivariateTrainer(TrainConfig.defaults().withNormalization(true)));
        assertTrue(normalize.getMessage().contains("normalization"), normalize.getMessage());
    }
}
