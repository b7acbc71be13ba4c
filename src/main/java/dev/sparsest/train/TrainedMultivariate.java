package dev.sparsest.train;

import dev.sparsest.model.MultivariateNetwork;

/**
 * The outcome of training a multivariate network.
 *
 * @param network          after pruning products at or below the threshold, the least-squares
 *                         refit of the output weights, Gauss-Newton on the nonzero parameters and
 *                         the rest of the polish; for the paper's model on small data, after the
 *                         shape exchange ({@code ShapeExchange})
 * @param raw              the trained network as it ended
 * @param activeNeurons    neurons of {@code network} with a nonzero product
 * @param nonzeroParameters products |v_k w_{k,i}| of {@code network} above the threshold
 * @param mseTrained       MSE of the raw network
 * @param mseBeforePolish  MSE after pruning
 * @param mseAfterPolish   MSE of {@code network}
 * @param history          loss and nonzero parameters during training
 */
public record TrainedMultivariate(MultivariateNetwork network, MultivariateNetwork raw, int activeNeurons,
                                  int nonzeroParameters, double mseTrained, double mseBeforePolish,
                                  double mseAfterPolish, History history) {
}
