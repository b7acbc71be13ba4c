package dev.sparsest.train;

/**
 * One parameter array the optimizer moves, with its gradient and Adam moments: {@code perNeuron}
 * entries for each of the k live neurons, then {@code outsideNeurons} entries that belong to no
 * neuron (the 1-D skip term).
 */
record ParameterGroup(double[] param, double[] grad, double[] m1, double[] m2, int perNeuron, int outsideNeurons) {

    /** A group over {@code param}, with zero gradient and moments of its length. */
    static ParameterGroup of(double[] param, int perNeuron, int outsideNeurons) {
        int n = param.length;
        return new ParameterGroup(param, new double[n], new double[n], new double[n], perNeuron, outsideNeurons);
    }

    /** The live entries with k neurons. */
    int length(int k) {
        return perNeuron * k + outsideNeurons;
    }
}
