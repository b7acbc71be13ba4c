package dev.sparsest.noisy;

import dev.sparsest.model.UnivariateNetwork;

/**
 * The l1-penalized fit at one lambda and what certifies it.
 *
 * @param network             the sparsest network whose values at the data are the optimal fit
 *                            (every such network with least l1 path norm is optimal; this one has
 *                            the fewest neurons)
 * @param lambda              the penalty weight, in the data's units
 * @param lambdaMax           at and above it the optimum is the weighted least-squares line
 * @param fitted              the optimal values at the distinct x (unique: the objective is
 *                            strictly convex in them)
 * @param residualSumOfSquares sum_i w_i (fitted_i - mean_i)^2 over the distinct x, w_i the number
 *                            of rows at x_i (the rows' RSS minus their spread within repeated x)
 * @param l1PathNorm          sum of |slope changes|: the penalty term's value / lambda
 * @param pathEvents          bends that entered or left on the way down from lambdaMax
 */
public record PenalizedFit(UnivariateNetwork network, double lambda, double lambdaMax, double[] fitted,
                           double residualSumOfSquares, double l1PathNorm, int pathEvents) {

    /** The objective's value: RSS / 2 + lambda * l1 path norm. */
    public double objective() {
        return residualSumOfSquares / 2 + lambda * l1PathNorm;
    }

    public int neurons() {
        return network.neurons();
    }
}
