package dev.sparsest.exact;

import dev.sparsest.model.UnivariateNetwork;

import java.util.Arrays;

/**
 * Where a {@link ChordPathFitter} writes a fit, so that a hot loop allocates nothing: the caller
 * keeps one and passes it to every call; its knot buffers grow when a fit needs more room and
 * are reused afterwards. Holds the network in knot form
 * <pre>  f(x) = anchorY + slope (x - anchorX) + sum_{k &lt; neurons} c_k relu(x - u_k)</pre>
 * with u_k strictly increasing and every c_k nonzero, and the certificate of
 * {@link ExactSolution}. Mutable and not thread-safe; every accessor reads the last fit, and
 * throws {@link IllegalStateException} when there is none (before the first fit, or after a
 * refused one: a fit clears the output first).
 */
public final class FitOutput {
    double[] knots;
    double[] slopeChanges;
    int neurons;
    double slope;
    double anchorX;
    double anchorY;
    double cost;
    int l0LowerBound;
    double l1Value;
    double tolerance;
    Penalty penalty;

    /** An output with room for 16 knots (it grows as needed). */
    public FitOutput() {
        this(16);
    }

    /** An output with room for {@code knotCapacity} knots (it grows as needed). */
    public FitOutput(int knotCapacity) {
        if (knotCapacity < 0) {
            throw new IllegalArgumentException("knot capacity must be >= 0: " + knotCapacity);
        }
        knots = new double[knotCapacity];
        slopeChanges = new double[knotCapacity];
    }

    /** No fit: before the first, and from the start of every fit until it succeeds. */
    void clear() {
        penalty = null;
        neurons = 0;
    }

    /** The fit is there: it succeeded and nothing was refused since. */
    private void requireFit() {
        if (penalty == null) {
            throw new IllegalStateException("no fit to give: nothing fitted yet, or the last fit was refused");
        }
    }

    /** True when the last fit succeeded (every accessor but this one and {@link #penalty()} requires it). */
    public boolean hasFit() {
        return penalty != null;
    }

    /** Room for {@code count} knots, keeping none of the old ones (the fitter writes them afresh). */
    void reserve(int count) {
        if (knots.length < count) {
            int capacity = Math.max(count, knots.length + (knots.length >> 1));
            knots = new double[capacity];
            slopeChanges = new double[capacity];
        }
    }

    /** Number of neurons (knots) of the last fit. */
    public int neurons() {
        requireFit();
        return neurons;
    }

    /** Knot k, 0 &lt;= k &lt; {@link #neurons()}, increasing in k. */
    public double knot(int k) {
        return knots[checked(k)];
    }

    /** The slope change at knot k (nonzero). */
    public double slopeChange(int k) {
        return slopeChanges[checked(k)];
    }

    private int checked(int k) {
        requireFit();
        if (k < 0 || k >= neurons) {
            throw new IndexOutOfBoundsException("knot " + k + " of " + neurons);
        }
        return k;
    }

    /** Copies the knots into {@code to[at..at+neurons)}. */
    public void copyKnots(double[] to, int at) {
        requireFit();
        System.arraycopy(knots, 0, to, at, neurons);
    }

    /** Copies the slope changes into {@code to[at..at+neurons)}. */
    public void copySlopeChanges(double[] to, int at) {
        requireFit();
        System.arraycopy(slopeChanges, 0, to, at, neurons);
    }

    /** Slope of the line left of the first knot (the skip term's a). */
    public double slope() {
        requireFit();
        return slope;
    }

    /** The left line passes through (anchorX, anchorY): the first data point. */
    public double anchorX() {
        requireFit();
        return anchorX;
    }

    public double anchorY() {
        requireFit();
        return anchorY;
    }

    /** Value at x = 0 of the line left of the first knot (the skip term's c). */
    public double intercept() {
        requireFit();
        return anchorY - slope * anchorX;
    }

    /** The fit's cost under its penalty: neurons (l0), sum |c|^p, or sum |c| (l1). */
    public double cost() {
        requireFit();
        return cost;
    }

    /** No interpolant of the data has fewer neurons (see {@link ExactSolution#l0LowerBound()}). */
    public int l0LowerBound() {
        requireFit();
        return l0LowerBound;
    }

    /** The l1 path norm of every chord-path interpolant (see {@link ExactSolution#l1Value()}). */
    public double l1Value() {
        requireFit();
        return l1Value;
    }

    /** What the last fit minimized; null before the first fit. */
    public Penalty penalty() {
        return penalty;
    }

    /** True when the last fit has the fewest neurons any interpolant can have. */
    public boolean isSparsest() {
        requireFit();
        return neurons == l0LowerBound;
    }

    /** The last fit as an immutable network (allocates). */
    public UnivariateNetwork toNetwork() {
        requireFit();
        return UnivariateNetwork.of(Arrays.copyOf(knots, neurons), Arrays.copyOf(slopeChanges, neurons), slope, anchorX, anchorY);
    }

    /** The last fit as an immutable {@link ExactSolution} (allocates). */
    public ExactSolution toSolution() {
        requireFit();
        return new ExactSolution(toNetwork(), penalty, cost, l0LowerBound, l1Value, tolerance);
    }
}
