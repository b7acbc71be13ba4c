package dev.sparsest.exact;

/**
 * The fits of a {@link BatchFitter} call, one entry per series, in arrays the caller keeps and
 * reuses (they grow when a batch needs more room). Series s's knots and slope changes sit at the
 * positions of its points: {@code knotArray()[offsets[s] + k]} for k &lt; {@code neurons(s)}, since
 * no series has more knots than points. A series that was refused has {@link #error(int)} set
 * and no fit; the others are unaffected. Not thread-safe.
 */
public final class BatchOutput {
    int series;
    /** A copy of the batch's offsets (the caller may reuse theirs). */
    int[] offsets = new int[1];
    int[] neurons = new int[0];
    int[] l0LowerBound = new int[0];
    double[] slope = new double[0];
    double[] anchorX = new double[0];
    double[] anchorY = new double[0];
    double[] cost = new double[0];
    String[] errors = new String[0];
    double[] knots = new double[0];
    double[] slopeChanges = new double[0];
    int failed;

    /** Room for {@code count} series laid out by {@code seriesOffsets} (copied). */
    void reserve(int count, int[] seriesOffsets) {
        int points = seriesOffsets[count];
        if (neurons.length < count) {
            int capacity = Math.max(count, neurons.length + (neurons.length >> 1));
            neurons = new int[capacity];
            l0LowerBound = new int[capacity];
            slope = new double[capacity];
            anchorX = new double[capacity];
            anchorY = new double[capacity];
            cost = new double[capacity];
            errors = new String[capacity];
        }
        if (knots.length < points) {
            int capacity = Math.max(points, knots.length + (knots.length >> 1));
            knots = new double[capacity];
            slopeChanges = new double[capacity];
        }
        if (offsets.length < count + 1) {
            offsets = new int[Math.max(count + 1, offsets.length + (offsets.length >> 1))];
        }
        System.arraycopy(seriesOffsets, 0, offsets, 0, count + 1);
        series = count;
        failed = 0;
    }

    /** Number of series in the last batch. */
    public int series() {
        return series;
    }

    /** How many series of the last batch were refused. */
    public int failed() {
        return failed;
    }

    /** Why series s was refused (the solver's message), or null when it was fitted. */
    public String error(int s) {
        return errors[checked(s)];
    }

    public boolean ok(int s) {
        return errors[checked(s)] == null;
    }

    /** Neurons (knots) of series s; 0 when it was refused. */
    public int neurons(int s) {
        return neurons[checked(s)];
    }

    /** Knot k of series s, increasing in k. */
    public double knot(int s, int k) {
        return knots[knotIndex(s, k)];
    }

    /** The slope change at knot k of series s. */
    public double slopeChange(int s, int k) {
        return slopeChanges[knotIndex(s, k)];
    }

    /** All knots, series s's at its points' positions (see the class comment); not a copy, and
     * overwritten by the next batch. */
    public double[] knotArray() {
        return knots;
    }

    /** All slope changes, laid out as {@link #knotArray()}; not a copy. */
    public double[] slopeChangeArray() {
        return slopeChanges;
    }

    /** Slope of series s's line left of its first knot. */
    public double slope(int s) {
        return slope[checked(s)];
    }

    /** The left line of series s passes through (anchorX, anchorY): its first point. */
    public double anchorX(int s) {
        return anchorX[checked(s)];
    }

    public double anchorY(int s) {
        return anchorY[checked(s)];
    }

    /** Series s's cost under the batch's penalty; NaN when it was refused. */
    public double cost(int s) {
        return cost[checked(s)];
    }

    /** No interpolant of series s has fewer neurons. */
    public int l0LowerBound(int s) {
        return l0LowerBound[checked(s)];
    }

    private int checked(int s) {
        if (s < 0 || s >= series) {
            throw new IndexOutOfBoundsException("series " + s + " of " + series);
        }
        return s;
    }

    private int knotIndex(int s, int k) {
        if (k < 0 || k >= neurons[checked(s)]) {
            throw new IndexOutOfBoundsException("knot " + k + " of series " + s + ", which has " + neurons[s]);
        }
        return offsets[s] + k;
    }

    /** Records series s from a fitter's output. */
    void store(int s, FitOutput fit) {
        int at = offsets[s];
        neurons[s] = fit.neurons;
        fit.copyKnots(knots, at);
        fit.copySlopeChanges(slopeChanges, at);
        slope[s] = fit.slope;
        anchorX[s] = fit.anchorX;
        anchorY[s] = fit.anchorY;
        cost[s] = fit.cost;
        l0LowerBound[s] = fit.l0LowerBound;
        errors[s] = null;
    }

    /** Records that series s was refused. */
    void refuse(int s, String message) {
        neurons[s] = 0;
        slope[s] = Double.NaN;
        anchorX[s] = Double.NaN;
        anchorY[s] = Double.NaN;
        cost[s] = Double.NaN;
        l0LowerBound[s] = 0;
        errors[s] = message;
    }
}
