package dev.sparsest.exact;

/**
 * The threshold p* of a dataset (paper, Thm 3.2): for every p &lt; p* the l^p optimum is an
 * l0 optimum (as sparse as possible); just above p* it is not.
 *
 * @param pStar      the threshold, or NaN when every p in (0, 1) gives a sparsest network
 *                   ({@link #noneBelowOne()})
 * @param certified  true when the search proved that no earlier crossing exists (convexity
 *                   bounds between samples); false when a run was too long for the proof within
 *                   the work budget and a 1024-point grid was used instead
 * @param xFrom      the x of the first point of the curvature run that decides p* (NaN if none)
 * @param xTo        the x of its last point (NaN if none)
 * @param l0Neurons  the fewest neurons of any interpolant
 */
public record Threshold(double pStar, boolean certified, double xFrom, double xTo, int l0Neurons) {

    /** True when no p in (0, 1) has a non-sparsest l^p optimum. */
    public boolean noneBelowOne() {
        return Double.isNaN(pStar);
    }
}
