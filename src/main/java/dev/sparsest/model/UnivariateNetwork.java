package dev.sparsest.model;

import dev.sparsest.numeric.KnotTables;

import java.util.Arrays;

/**
 * A univariate ReLU network with skip term, in knot form and immutable:
 * <pre>  f(x) = y0 + a (x - x0) + sum_k c_k relu(x - u_k)</pre>
 * Knots u_k are strictly increasing and every slope change c_k is nonzero (neurons sharing a
 * knot are merged on construction, zero ones dropped). The part left of the first knot is the line
 * of slope a through the anchor point (x0, y0); anchoring it at a data point rather than at x = 0
 * keeps evaluation accurate for data far from the origin. {@link #intercept()} is that line's
 * value at 0.
 *
 * <p>Evaluation is O(log K) per point and allocates nothing. Each knot is one neuron of the
 * balanced neuron form ({@link #toNeurons()}).
 */
public final class UnivariateNetwork implements Network {
    private final double[] knots;
    private final double[] slopeChanges;
    private final double slope;
    private final double anchorX;
    private final double anchorY;
    /** f at each knot, and the slope right of each knot: evaluation tables. */
    private final double[] valueAtKnot;
    private final double[] slopeAfterKnot;

    private UnivariateNetwork(double[] knots, double[] slopeChanges, double slope, double anchorX, double anchorY) {
        this.knots = knots;
        this.slopeChanges = slopeChanges;
        this.slope = slope;
        this.anchorX = anchorX;
        this.anchorY = anchorY;
        int k = knots.length;
        this.valueAtKnot = new double[k];
        this.slopeAfterKnot = new double[k];
        int bad = KnotTables.fill(knots, slopeChanges, k, slope, anchorX, anchorY, valueAtKnot, slopeAfterKnot);
        if (bad >= 0) {
            throw new IllegalArgumentException("the network overflows: its value or slope at knot " + knots[bad]
                    + " is not finite (value " + valueAtKnot[bad] + ", slope " + slopeAfterKnot[bad] + ")");
        }
    }

    /**
     * A network from knots and slope changes in any order; equal knots are merged (their slope
     * changes added) and zero slope changes dropped. The left line has slope {@code slope} and
     * passes through (anchorX, anchorY).
     */
    public static UnivariateNetwork of(double[] knots, double[] slopeChanges, double slope, double anchorX, double anchorY) {
        if (knots.length != slopeChanges.length) {
            throw new IllegalArgumentException("knots and slope changes differ in length: "
                    + knots.length + " vs " + slopeChanges.length);
        }
        requireFinite("slope", slope);
        requireFinite("anchor x", anchorX);
        requireFinite("anchor y", anchorY);
        for (int i = 0; i < knots.length; i++) {
            requireFinite("knot " + i, knots[i]);
            requireFinite("slope change " + i, slopeChanges[i]);
        }
        double[][] merged = KnotMerger.mergeEqual(knots, slopeChanges);
        return new UnivariateNetwork(merged[0], merged[1], slope, anchorX == 0.0 ? 0.0 : anchorX, anchorY);
    }

    /** The network {@code f(x) = slope * x + intercept + sum_k c_k relu(x - u_k)}. */
    public static UnivariateNetwork withIntercept(double[] knots, double[] slopeChanges, double slope, double intercept) {
        return of(knots, slopeChanges, slope, 0.0, intercept);
    }

    /** The affine function through (x0, y0) with the given slope: zero neurons. */
    public static UnivariateNetwork affine(double slope, double x0, double y0) {
        return of(new double[0], new double[0], slope, x0, y0);
    }

    /** Knots from neurons {@code sum_k v_k relu(w_k x + b_k) + a x + c}, merged and balanced. */
    public static UnivariateNetwork fromNeurons(UnivariateNeurons n) {
        NeuronConversion.KnotForm f = NeuronConversion.toKnots(n);
        return withIntercept(f.u(), f.c(), f.a(), f.intercept());
    }

    /** The balanced neuron form: per knot (u, c), w = sqrt|c|, b = -u sqrt|c|, v = sign(c) sqrt|c|. */
    public UnivariateNeurons toNeurons() {
        return NeuronConversion.toNeurons(knots, slopeChanges, slope, intercept());
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not finite: " + v);
        }
    }

    /** f(x). O(log K); NaN for NaN input. */
    public double evaluate(double x) {
        int k = lastKnotAtOrBelow(x);
        if (k < 0) {
            return anchorY + slope * (x - anchorX);
        }
        return valueAtKnot[k] + slopeAfterKnot[k] * (x - knots[k]);
    }

    /** out[i] = f(xs[i]) for i &lt; xs.length; allocates nothing. */
    public void evaluate(double[] xs, double[] out) {
        if (out.length < xs.length) {
            throw new IllegalArgumentException("output shorter than input: " + out.length + " < " + xs.length);
        }
        for (int i = 0; i < xs.length; i++) {
            out[i] = evaluate(xs[i]);
        }
    }

    /**
     * out[i] = f(xs[i]) for xs sorted ascending: one pass over points and knots, O(N + K), the
     * same values as {@link #evaluate(double)}; allocates nothing.
     */
    public void evaluateSorted(double[] xs, double[] out) {
        if (out.length < xs.length) {
            throw new IllegalArgumentException("output shorter than input: " + out.length + " < " + xs.length);
        }
        int k = -1;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            if (i > 0 && !(x >= xs[i - 1])) {
                throw new IllegalArgumentException("xs not sorted at index " + i + ": " + xs[i - 1] + ", " + x);
            }
            while (k + 1 < knots.length && knots[k + 1] <= x) {
                k++;
            }
            out[i] = k < 0 ? anchorY + slope * (x - anchorX) : valueAtKnot[k] + slopeAfterKnot[k] * (x - knots[k]);
        }
    }

    private int lastKnotAtOrBelow(double x) {
        int lo = 0;
        int hi = knots.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (knots[mid] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** 1: one input. */
    @Override
    public int inputDimension() {
        return 1;
    }

    /** Number of neurons (knots with a nonzero slope change): the l0 path norm. */
    public int neurons() {
        return knots.length;
    }

    /** The l^p path norm sum_k |c_k|^p for 0 &lt; p &lt;= 1; p = 0 gives the neuron count. */
    public double pathNorm(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        if (p == 0) {
            return knots.length;
        }
        double sum = 0;
        for (double c : slopeChanges) {
            sum += p == 1 ? Math.abs(c) : Math.pow(Math.abs(c), p);
        }
        return sum;
    }

    /** The l1 path norm sum_k |c_k| (total variation of f'). */
    public double l1PathNorm() {
        return pathNorm(1);
    }

    /** The Lipschitz constant: the largest |slope| over the linear pieces. */
    public double lipschitz() {
        double m = Math.abs(slope);
        for (double s : slopeAfterKnot) {
            m = Math.max(m, Math.abs(s));
        }
        return m;
    }

    /** A copy of the knots, increasing. */
    public double[] knots() {
        return knots.clone();
    }

    /** A copy of the slope changes, in knot order. */
    public double[] slopeChanges() {
        return slopeChanges.clone();
    }

    public double knot(int k) {
        return knots[k];
    }

    public double slopeChange(int k) {
        return slopeChanges[k];
    }

    /** Slope of the part left of the first knot (the skip term's a). */
    public double slope() {
        return slope;
    }

    /** Value at x = 0 of the line left of the first knot (the skip term's c). */
    public double intercept() {
        return anchorY - slope * anchorX;
    }

    public double anchorX() {
        return anchorX;
    }

    public double anchorY() {
        return anchorY;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UnivariateNetwork)) {
            return false;
        }
        UnivariateNetwork n = (UnivariateNetwork) o;
        return Arrays.equals(knots, n.knots) && Arrays.equals(slopeChanges, n.slopeChanges)
                && Double.compare(slope, n.slope) == 0 && Double.compare(anchorX, n.anchorX) == 0
                && Double.compare(anchorY, n.anchorY) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(knots) + Arrays.hashCode(slopeChanges)) + Double.hashCode(slope);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("UnivariateNetwork[neurons=").append(knots.length)
                .append(", slope=").append(slope).append(", intercept=").append(intercept()).append(", knots=");
        for (int k = 0; k < knots.length; k++) {
            sb.append(k == 0 ? "" : ", ").append('(').append(knots[k]).append(", ").append(slopeChanges[k]).append(')');
        }
        return sb.append(']').toString();
    }
}
