package dev.sparsest.exact.multivariate;

import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;

/**
 * What the exact l0 search knows when it stops: the sparsest interpolating network it has (its
 * parameters are the upper bound), a lower bound no interpolant can beat, and whether the two
 * meet. Built only by {@link L0Search}.
 *
 * <p>The lower bound B means: every set of neuron shapes with fewer than B parameters was checked
 * and cannot interpolate, up to the feasibility tolerances of {@link ShapeFeasibility} (stated in
 * the search's scaled units, relative 1e-9 to 1e-10).
 */
public final class L0Certificate {
    private final MultivariateModel model;
    private final MultivariateNetwork network;
    private final int parameters;
    private final int neurons;
    private final int lowerBound;
    private final String incumbentSource;
    private final double seconds;
    private final int shapes;
    private final long nodes;
    private final long shapeSets;
    private final long linearPrograms;
    private final long numericalRejects;
    private final boolean stoppedByLimit;

    L0Certificate(MultivariateModel model, MultivariateNetwork network, int parameters, int neurons, int lowerBound,
                  String incumbentSource, double seconds, int shapes, long nodes, long shapeSets, long linearPrograms,
                  long numericalRejects, boolean stoppedByLimit) {
        this.model = model;
        this.network = network;
        this.parameters = parameters;
        this.neurons = neurons;
        this.lowerBound = lowerBound;
        this.incumbentSource = incumbentSource;
        this.seconds = seconds;
        this.shapes = shapes;
        this.nodes = nodes;
        this.shapeSets = shapeSets;
        this.linearPrograms = linearPrograms;
        this.numericalRejects = numericalRejects;
        this.stoppedByLimit = stoppedByLimit;
    }

    public MultivariateModel model() {
        return model;
    }

    /** The sparsest interpolating network found (raw units; in the affine model with its affine part). */
    public MultivariateNetwork network() {
        return network;
    }

    /** Nonzero products v_k w_{k,i} of the network's neurons (the affine part is free and not counted). */
    public int parameters() {
        return parameters;
    }

    /** Active neurons of the network. */
    public int neurons() {
        return neurons;
    }

    /** No interpolating network has fewer parameters than this. */
    public int lowerBound() {
        return lowerBound;
    }

    /** Parameters minus the lower bound: 0 when proved. */
    public int gap() {
        return parameters - lowerBound;
    }

    /** Whether the network is proved the sparsest (the bounds meet). */
    public boolean proved() {
        return parameters == lowerBound;
    }

    /**
     * Where the network came from: "search", "start model", "axis fit" (the 1-D optimum along one
     * input column) or "reweighted l1" (the LP heuristic, run when there is a time limit).
     */
    public String incumbentSource() {
        return incumbentSource;
    }

    public double seconds() {
        return seconds;
    }

    /** Neuron shapes (support, activation pattern, output sign) the search combined. */
    public int shapes() {
        return shapes;
    }

    /** Search nodes: partial sets of neuron shapes visited. */
    public long nodes() {
        return nodes;
    }

    /** Complete sets of shapes whose feasibility was decided. */
    public long shapeSets() {
        return shapeSets;
    }

    /** Of those, the ones that needed a linear program (their equations left freedom). */
    public long linearPrograms() {
        return linearPrograms;
    }

    /**
     * Shape sets the tolerances called feasible but whose rebuilt network missed a point in
     * double precision: treated as infeasible. Nonzero means the lower bound rests on them too.
     */
    public long numericalRejects() {
        return numericalRejects;
    }

    /** Whether the time limit stopped the search before the bounds met. */
    public boolean stoppedByLimit() {
        return stoppedByLimit;
    }
}
