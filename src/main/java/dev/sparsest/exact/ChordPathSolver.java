package dev.sparsest.exact;

import dev.sparsest.data.UnivariateDataset;

/**
 * The exact solver for univariate interpolation (THEORY.md section 1): a shortest path over the
 * chords of the data, O(N) time and memory.
 *
 * <p>The path decomposes over maximal runs of interior points whose curvature has one nonzero
 * sign: inside a run it is a tiling of the run by single points (a knot at the data point, slope
 * change a_i) and adjacent pairs (a knot strictly between the two points where the chords on
 * either side cross, slope change a_i + a_{i+1}). A dynamic program over each run finds the best
 * tiling.
 *
 * <p><b>Objectives and ties</b>, compared lexicographically:
 * <ul>
 *   <li>l^p, 0 &lt; p &lt; 1: (sum |c|^p, neurons). Costs within a relative 1e-12 count as equal.</li>
 *   <li>l0: (neurons, sum ln |c|): among the sparsest interpolants the one that l^p optima tend to
 *       as p -&gt; 0+.</li>
 *   <li>l1: every chord path costs sum |a_i|, so the result is the l0 solution (the sparsest l1
 *       optimum), reported with its l1 cost.</li>
 * </ul>
 * Remaining ties prefer the single-point tile (a knot at a data point) at the rightmost place the
 * dynamic program decides, which makes the result deterministic.
 *
 * <p>Points whose curvature is zero within the tolerance ({@link ChordGeometry}) get no knot; the
 * next knot is placed where the line being followed meets the next chord, so an error from a
 * dropped near-zero curvature does not propagate along the data.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ChordPathSolver {
    private final double tolerance;
    private final double valueFloor;

    public ChordPathSolver() {
        this(ChordGeometry.DEFAULT_TOLERANCE);
    }

    /** A solver whose collinearity tolerance is {@code tolerance} (see {@link ChordGeometry}). */
    public ChordPathSolver(double tolerance) {
        this(tolerance, 0);
    }

    /**
     * A solver for values computed with errors relative to a common scale (such as fitted values):
     * in the rounding model every |y| counts as at least {@code valueFloor} (see {@link ChordGeometry}).
     */
    public ChordPathSolver(double tolerance, double valueFloor) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tolerance);
        }
        if (!(valueFloor >= 0) || Double.isInfinite(valueFloor)) {
            throw new IllegalArgumentException("value floor must be finite and >= 0: " + valueFloor);
        }
        this.tolerance = tolerance;
        this.valueFloor = valueFloor;
    }

    public double tolerance() {
        return tolerance;
    }

    /**
     * The interpolant of least cost under {@code penalty}, with its certificate. Allocates its
     * workspace and result per call; {@link ChordPathFitter} is the allocation-free form for
     * hot loops (same answers, bit for bit).
     */
    public ExactSolution solve(UnivariateDataset data, Penalty penalty) {
        data.requireTwoPoints();
        ChordPathFitter fitter = new ChordPathFitter(tolerance, valueFloor);
        FitOutput out = new FitOutput(data.size());
        fitter.fit(data.xs(), data.ys(), penalty, out);
        return out.toSolution();
    }
}
