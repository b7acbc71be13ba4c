package dev.sparsest.model;

/** Which d-D network is trained (the 1-D model always has its unpenalized skip term). */
public enum MultivariateModel {
    /**
     * The default for users' data: sum_k v_k relu(w_k . x + b_k) + a . x + c, the affine part
     * unpenalized (as the 1-D skip term), trained on standardized inputs and target and mapped
     * back exactly. Without it the network pays l^p cost for the linear trend most data have, and
     * a network whose neurons all die predicts 0 instead of the least-squares plane.
     */
    AFFINE,
    /** The paper's model: neurons only, bias inside each neuron and penalized, raw units. */
    PAPER
}
