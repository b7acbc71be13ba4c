package dev.sparsest.exact.multivariate;

import dev.sparsest.model.MultivariateNetwork;

/**
 * An exact optimum of a tiny multivariate interpolation problem under l0 (parameter count) or
 * l^p: the network (balanced, |v_k| = ||w_k||_2), its cost, and how many vertices of the feasible
 * set attain it (ties within 1e-9 relative).
 */
public final class MultivariateOptimum {
    private final MultivariateNetwork network;
    private final double p;
    private final double cost;
    private final int parameters;
    private final int neurons;
    private final int optimalVertices;

    MultivariateOptimum(MultivariateNetwork network, double p, double cost, int parameters, int neurons, int optimalVertices) {
        this.network = network;
        this.p = p;
        this.cost = cost;
        this.parameters = parameters;
        this.neurons = neurons;
        this.optimalVertices = optimalVertices;
    }

    public MultivariateNetwork network() {
        return network;
    }

    /** 0 for the l0 optimum. */
    public double p() {
        return p;
    }

    /** The optimal cost: the parameter count for l0, sum |v_k w_{k,i}|^p otherwise. */
    public double cost() {
        return cost;
    }

    /** Nonzero products v_k w_{k,i} (weights and biases) of the returned network. */
    public int parameters() {
        return parameters;
    }

    /** Active neurons of the returned network. */
    public int neurons() {
        return neurons;
    }

    /** How many vertices attain the optimal cost (more than one: the optimum is not unique). */
    public int optimalVertices() {
        return optimalVertices;
    }
}
