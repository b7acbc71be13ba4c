package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;

/**
 * The threshold p* ({@link ThresholdSolver}) for many datasets in a row: it keeps the geometry
 * and the run searches' buffers between calls (they grow to the largest N and the longest
 * curvature run seen, never shrink), so a call allocates only its result and two small objects
 * per curvature run of four or more points (its search and its crossing): at N = 10^6, 2.5 MB
 * where {@link ThresholdSolver} allocates 51.5 MB. The answers are {@link ThresholdSolver}'s, bit for bit. Input as
 * {@link ChordPathFitter} takes it: finite points, x strictly increasing, refused by index
 * otherwise.
 *
 * <p><b>Not thread-safe</b>: one per thread.
 */
public final class ThresholdFitter {
    private final ThresholdSolver solver;
    private final ChordGeometry g;
    private final ThresholdSolver.RunBuffers buffers = new ThresholdSolver.RunBuffers();

    /** With the default collinearity tolerance ({@link ChordGeometry#DEFAULT_TOLERANCE}). */
    public ThresholdFitter() {
        this(ChordGeometry.DEFAULT_TOLERANCE);
    }

    /** With collinearity tolerance {@code tolerance} (see {@link ChordGeometry}). */
    public ThresholdFitter(double tolerance) {
        this.g = new ChordGeometry(tolerance, 0);
        this.solver = new ThresholdSolver(tolerance);
    }

    /** p* of all of {@code x}, {@code y} (same length). */
    public Threshold fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new InvalidDataException("x and y differ in length: " + x.length + " x values, " + y.length + " y values");
        }
        return fit(x, y, 0, x.length);
    }

    /** p* of points {@code offset..offset+length} of {@code x} and {@code y}. */
    public Threshold fit(double[] x, double[] y, int offset, int length) {
        if (offset < 0 || length < 0 || offset > x.length - length || offset > y.length - length) {
            throw new IndexOutOfBoundsException("points " + offset + ".." + (offset + length) + " of arrays of length "
                    + x.length + " and " + y.length);
        }
        if (length < 2) {
            throw new InvalidDataException(length + " point" + (length == 1 ? " (at index " + offset + ")" : "s")
                    + ": at least 2 are needed");
        }
        g.load(x, y, offset, length);
        return solver.solve(g, buffers);
    }
}
