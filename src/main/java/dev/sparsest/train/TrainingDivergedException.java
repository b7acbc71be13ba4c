package dev.sparsest.train;

import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.model.UnivariateNeurons;

import java.util.Optional;

/** The loss became NaN or infinite; the exception carries the last state whose loss was finite. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final double loss;
    private final transient UnivariateNeurons univariate;
    private final transient MultivariateNetwork multivariate;

    TrainingDivergedException(int epoch, double loss, UnivariateNeurons univariate, MultivariateNetwork multivariate) {
        super("training diverged at epoch " + epoch + ": the loss is " + loss
                + " (lower the learning rate or rescale the data); the last finite state is kept");
        this.epoch = epoch;
        this.loss = loss;
        this.univariate = univariate;
        this.multivariate = multivariate;
    }

    /** The epoch whose loss was not finite. */
    public int epoch() {
        return epoch;
    }

    /** The loss that was not finite. */
    public double loss() {
        return loss;
    }

    /** The univariate network of the last epoch with a finite loss (in data units), if 1-D. */
    public Optional<UnivariateNeurons> lastUnivariate() {
        return Optional.ofNullable(univariate);
    }

    /** The multivariate network of the last epoch with a finite loss, if d-D. */
    public Optional<MultivariateNetwork> lastMultivariate() {
        return Optional.ofNullable(multivariate);
    }
}
