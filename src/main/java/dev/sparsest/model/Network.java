package dev.sparsest.model;

/**
 * A network the library writes and reads: univariate (knot form, with a skip term) or
 * multivariate. Sealed, so a reader of {@link ModelJson#read} handles every kind.
 */
public sealed interface Network permits UnivariateNetwork, MultivariateNetwork {

    /** The number of inputs: 1 for a univariate network, d otherwise. */
    int inputDimension();
}
