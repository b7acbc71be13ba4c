package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.prop.Prop;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.train.MultivariateTrainer;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainedMultivariate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reweighted-l1 trainer (default settings, three seeds) on tiny instances against the exact
 * l0 optimum: an interpolating trained network never has fewer nonzero parameters than the
 * optimum, and never more than N active neurons (Prop. 4.1 holds for optima, and the trainer's
 * post-processing merges what it can); single runs reach the optimum in at least 90% of the runs
 * (the target; the shape exchange took it from 83% to 94% on 180 runs), three restarts in
 * at least as many. The counts are printed (the README quotes them).
 */
class TrainerAgainstOracleTest {
    private static final long[] SEEDS = {1, 2, 3};

    @Test
    void trainerNeverBeatsTheExactCountAndStaysWithinNNeurons() {
        int[] reached = new int[1];
        int[] interpolated = new int[1];
        int[] runs = new int[1];
        int[] reachedWithRestarts = new int[1];
        Prop.forAll("trainer vs exact l0", TinyData.grid()).tries(30).check(t -> {
            MultivariateDataset data = t.dataset();
            int l0 = MultivariateOracle.of(data).l0().parameters();
            double scale = 0;
            for (int i = 0; i < data.size(); i++) {
                scale = Math.max(scale, Math.abs(data.y(i)));
            }
            for (long seed : SEEDS) {
                TrainedMultivariate trained = new MultivariateTrainer(TrainConfig.defaults().withSeed(seed).withModel(MultivariateModel.PAPER)).train(data);
                runs[0]++;
                assertTrue(trained.activeNeurons() <= data.size(),
                        trained.activeNeurons() + " active neurons for " + data.size() + " points (seed " + seed + ")");
                if (trained.mseAfterPolish() <= 1e-16 * Math.max(scale * scale, 1e-300)) {
                    interpolated[0]++;
                    assertTrue(trained.nonzeroParameters() >= l0,
                            "an interpolating network with " + trained.nonzeroParameters() + " parameters, the exact optimum has " + l0);
                    reached[0] += trained.nonzeroParameters() == l0 ? 1 : 0;
                }
                TrainedMultivariate best = new MultivariateTrainer(TrainConfig.defaults().withSeed(seed).withRestarts(3)
                        .withModel(MultivariateModel.PAPER)).train(data);
                if (best.mseAfterPolish() <= 1e-16 * Math.max(scale * scale, 1e-300)) {
                    assertTrue(best.nonzeroParameters() >= l0, "restarts below the exact optimum");
                    reachedWithRestarts[0] += best.nonzeroParameters() == l0 ? 1 : 0;
                }
            }
        });
        assertTrue(reached[0] >= 0.9 * runs[0], reached[0] + " of " + runs[0] + " single runs reach the exact l0 count (target 90%)");
        assertTrue(reachedWithRestarts[0] >= reached[0], "restarts reach the optimum less often than single runs");
        System.out.printf("trainer vs exact l0: %d of %d runs interpolate, %d of those reach the exact count; with 3 restarts "
                + "each, %d of %d reach it%n", interpolated[0], runs[0], reached[0], reachedWithRestarts[0], runs[0]);
    }
}
