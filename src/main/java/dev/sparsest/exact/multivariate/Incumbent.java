package dev.sparsest.exact.multivariate;

import dev.sparsest.model.MultivariateNetwork;

/** A network in raw units, its counts, and where it came from. */
final class Incumbent {
    final MultivariateNetwork network;
    final int parameters;
    final int neurons;
    final String source;

    Incumbent(MultivariateNetwork network, int parameters, int neurons, String source) {
        this.network = network;
        this.parameters = parameters;
        this.neurons = neurons;
        this.source = source;
    }
}
