package dev.sparsest.train;

import dev.sparsest.exact.ExactSolution;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.model.UnivariateNeurons;

/**
 * The outcome of training a univariate network.
 *
 * @param network          after pruning, exact knot merging and the least-squares polish
 * @param raw              the trained neurons as they ended
 * @param activeRaw        neurons with |v w| above the active threshold at the end of training
 * @param mseTrained       MSE of the raw network
 * @param mseBeforePolish  MSE after pruning and merging (the same as mseTrained up to round-off
 *                         and the pruned neurons' tiny contributions)
 * @param mseAfterPolish   MSE of {@code network}
 * @param knotsAdded       knots the polish had to add because the trained ones could not interpolate
 *                         (0 when training found an interpolating support; see KnotCompletion)
 * @param history          loss and active neurons during training
 * @param exact            the exact chord-path optimum for the same p (l0 count for comparison)
 */
public record TrainedUnivariate(UnivariateNetwork network, UnivariateNeurons raw, int activeRaw, double mseTrained,
                                double mseBeforePolish, double mseAfterPolish, int knotsAdded, History history,
                                ExactSolution exact) {

    /** Neurons of the final network minus those of the exact optimum (0 = as sparse as possible). */
    public int neuronGap() {
        return network.neurons() - exact.neurons();
    }

    /**
     * Whether this run is a better answer than {@code other} on the same data: it interpolates (MSE
     * at most {@code floor}) where the other does not; else fewer neurons; else fewer knots added by
     * the polish; else a smaller l^p cost. Ties keep the other (the earlier run).
     */
    public boolean isBetterThan(TrainedUnivariate other, double floor, double p) {
        boolean fits = mseAfterPolish <= floor;
        boolean otherFits = other.mseAfterPolish <= floor;
        if (fits != otherFits) {
            return fits;
        }
        if (network.neurons() != other.network.neurons()) {
            return network.neurons() < other.network.neurons();
        }
        if (knotsAdded != other.knotsAdded) {
            return knotsAdded < other.knotsAdded;
        }
        return network.pathNorm(p) < other.network.pathNorm(p);
    }
}
