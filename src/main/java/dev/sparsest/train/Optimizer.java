package dev.sparsest.train;

/** The training loop's update: the paper's reweighted l1 (Adam + proximal step) or a baseline. */
public enum Optimizer {
    /** Adam on the data loss, then from the epoch after the warm-up the reweighted proximal step. */
    PROX,
    /** Plain Adam on the data loss (no penalty). */
    ADAM,
    /** AdamW: decoupled weight decay lambda on every parameter. */
    ADAMW
}
