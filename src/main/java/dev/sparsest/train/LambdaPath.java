package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.kernel.Kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The networks along a geometric grid of lambdas, walked upward from the densest network at
 * {@link LambdaGrid#lambdaMin()} until a network has no neuron left (for the affine model, the
 * least-squares plane: lambda_max). Every lambda is trained from the same seeded start, not from
 * the previous lambda's network: a product at zero is a fixed point of the proximal step, so a
 * path walked down from lambda_max never grows a neuron, and one walked up from a dense network
 * stayed dense (on diabetes, 29 neurons up to lambda 0.04 where a fresh run keeps 4, and a
 * validation RMSE of 85-96 against 56-64). Same seed, same start: the counts along the path
 * fall as lambda grows.
 */
final class LambdaPath {
    /** One lambda's network, post-processed. */
    record Step(double lambda, TrainedMultivariate trained) {
    }

    private LambdaPath() {
    }

    /**
     * The path on {@code data} until a network has no neuron or the grid ends; {@code cancelled}
     * is asked between runs (an interrupted path returns the steps it finished), {@code runDone}
     * told after each.
     */
    static List<Step> run(TrainConfig config, Kernels kernels, MultivariateDataset data, LambdaGrid grid, BooleanSupplier cancelled,
                          Runnable runDone) {
        MultivariateTrainer.Units units = MultivariateTrainer.Units.of(data, config.model());
        MultivariateState start = MultivariateState.initial(config.seed(), config.width(), units.trained(), units.affine());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < grid.maxSteps() && !cancelled.getAsBoolean(); i++) {
            double lambda = grid.lambda(i);
            MultivariateTrainer trainer = new MultivariateTrainer(config.withLambda(lambda).withEpochs(grid.epochs()), kernels);
            History history = History.forEpochs(grid.epochs());
            MultivariateState end = trainer.run(trainer.config(), units, start, history, TrainListener.none());
            TrainedMultivariate trained = trainer.finish(units, end, history);
            steps.add(new Step(lambda, trained));
            runDone.run();
            if (trained.activeNeurons() == 0) {
                break;
            }
        }
        return steps;
    }
}
