package dev.sparsest.noisy;

import dev.sparsest.model.UnivariateNetwork;

/**
 * A fewest-knot function inside the tube.
 *
 * @param network      the network (knot form, skip term = the slope left of the first knot)
 * @param minimumKnots the least number of knots (neurons) of any continuous piecewise-linear
 *                     function inside the tube (widened as {@link TubeSolver} says): the
 *                     network has exactly this many. On x clustered ~1e-6 apart with
 *                     zero-width tubes the pieces' count can exceed it by one, where two nearly
 *                     parallel pieces meet at a data point that already holds a knot; the
 *                     network's own count is reported
 * @param maxExcess    the largest amount by which the network leaves the tube at a data point
 *                     (0 when it stays inside; at most a rounding tolerance, else the solve fails)
 */
public record TubeFit(UnivariateNetwork network, int minimumKnots, double maxExcess) {
    public int neurons() {
        return network.neurons();
    }
}
