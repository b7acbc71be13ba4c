package dev.sparsest.train;

import dev.sparsest.model.MultivariateModel;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.UnivariateDataset;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few epochs on arbitrary small data and settings: a network whose outputs at the data are
 * finite, or one of the documented errors ({@link InvalidDataException} for the data,
 * IllegalArgumentException for settings out of range or, in d-D, settings only the 1-D trainer
 * honours, {@link TrainingDivergedException} when the loss stops being finite); never anything else.
 */
class TrainerFuzzTest {

    @FuzzTest
    void aFewEpochsGiveAFiniteNetworkOrADocumentedError(FuzzedDataProvider data) {
        TrainConfig cfg;
        try {
            cfg = TrainConfig.defaults()
                    .withP(data.consumeDouble())
                    .withLambda(data.consumeDouble())
                    .withLearningRate(data.consumeDouble())
                    .withEpochs(data.consumeInt(-1, 60))
                    .withWidth(data.consumeInt(0, 12))
                    .withWarmupEpochs(data.consumeInt(-1, 10))
                    .withSeed(data.consumeLong())
                    .withNormalization(data.consumeBoolean())
                    .withOptimizer(Optimizer.values()[data.consumeInt(0, 2)]);
        } catch (IllegalArgumentException e) {
            return;
        }
        boolean univariate = data.consumeBoolean();
        int n = data.consumeInt(0, 10);
        int d = univariate ? 1 : data.consumeInt(1, 3);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i][t] = data.consumeDouble();
            }
            y[i] = data.consumeDouble();
        }
        // d-D: the paper's model (raw units) or the affine one (standardized)
        TrainConfig config = cfg.withModel(data.consumeBoolean() ? MultivariateModel.PAPER : MultivariateModel.AFFINE);
        try {
            if (univariate) {
                double[] xs = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = x[i][0];
                }
                UnivariateDataset set = UnivariateDataset.of(xs, y);
                TrainedUnivariate t = new UnivariateTrainer(config).train(set);
                for (int i = 0; i < set.size(); i++) {
                    assertTrue(Double.isFinite(t.network().evaluate(set.x(i))), "finite output at x = " + set.x(i));
                }
            } else {
                MultivariateDataset set = MultivariateDataset.of(x, y);
                if (config.normalize()) { // 1-D only so far: refused by name, never ignored
                    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                            () -> new MultivariateTrainer(config));
                    assertTrue(e.getMessage().contains("normalization"), e.getMessage());
                    return;
                }
                TrainedMultivariate t = new MultivariateTrainer(config).train(set);
                for (int i = 0; i < set.size(); i++) {
                    assertTrue(Double.isFinite(t.network().evaluate(set.inputs(), i * d)), "finite output at row " + i);
                }
            }
        } catch (InvalidDataException | TrainingDivergedException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }
}
