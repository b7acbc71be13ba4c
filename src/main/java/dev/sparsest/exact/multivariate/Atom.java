package dev.sparsest.exact.multivariate;

/**
 * A neuron's shape in the l0 search: which of its products u = v w may be nonzero (the support,
 * bias last), on which rows it is active (the pattern, a cell of the rows' arrangement restricted
 * to the support), and the sign of its output weight. Within a shape the outputs form a polyhedral
 * cone, so whether a set of shapes can interpolate is a linear feasibility question; the shape's
 * cost is its support size.
 */
final class Atom {
    /** Bit c: product c may be nonzero (c = d is the bias). */
    final int support;
    /** Bit i: active on row i (x_i . u &gt;= 0), otherwise x_i . u &lt;= 0. */
    final long pattern;
    /** +1 or -1: the output weight's sign. */
    final int sign;
    /** Parameters the neuron may use: the support's size. */
    final int cost;

    Atom(int support, long pattern, int sign) {
        this.support = support;
        this.pattern = pattern;
        this.sign = sign;
        this.cost = Integer.bitCount(support);
    }

    boolean active(int row) {
        return (pattern >>> row & 1) != 0;
    }

    /** Shapes that may merge into one neuron of no greater cost (same pattern and sign: their sum stays in the closed cone). */
    boolean mergesWith(Atom other) {
        return pattern == other.pattern && sign == other.sign;
    }
}
