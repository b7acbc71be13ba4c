package dev.sparsest.exact;

import dev.sparsest.model.UnivariateNetwork;

/**
 * An optimal interpolant from the chord-path solver and its certificate.
 *
 * @param network      the interpolating network (knot form)
 * @param penalty      what was minimized
 * @param cost         the network's cost under that penalty: neurons (l0), sum |c|^p, or sum |c| (l1)
 * @param l0LowerBound sum over curvature runs of ceil(run / 2): no interpolant has fewer neurons
 * @param l1Value      sum_i |a_i|: the l1 path norm of every chord-path interpolant, and the least
 *                     l1 path norm of any interpolant
 * @param tolerance    the collinearity tolerance used
 */
public record ExactSolution(UnivariateNetwork network, Penalty penalty, double cost, int l0LowerBound,
                            double l1Value, double tolerance) {

    /** Neurons (knots) of the solution. */
    public int neurons() {
        return network.neurons();
    }

    /** True when the solution has the fewest neurons any interpolant can have. */
    public boolean isSparsest() {
        return network.neurons() == l0LowerBound;
    }
}
