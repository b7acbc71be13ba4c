package dev.sparsest.exact;

/**
 * The threshold p* of a dataset (paper, Thm 3.2): for every p &lt; p* the l^p optimum is an
 * l0 optimum (as sparse as possible); just above p* it is not.
 *
 * <p>Three outcomes ({@link #status()}):
 * <ul>
 *   <li>{@link Status#NONE_BELOW_ONE}: proved that every p in (0, 1 - 1e-9] gives a sparsest
 *       network; {@code pStar}, {@code lower}, {@code upper} are NaN.</li>
 *   <li>{@link Status#DECIDED}: p* lies in [{@code lower}, {@code upper}] (an interval narrower
 *       than a millionth of p*, typically 1e-12); {@code pStar} is the crossing of the computed
 *       cost gap inside it. When not {@code certified}, an earlier crossing between the fallback
 *       grid's samples is not ruled out.</li>
 *   <li>{@link Status#UNDECIDED}: below {@code lower} every l^p optimum is sparsest (proved); from
 *       there the cost gap between the sparsest and the other optima comes within its rounding
 *       error, so where it first crosses zero (at most {@code upper}) cannot be decided in double
 *       precision; {@code pStar} is NaN. {@code upper} = 1 says a crossing may not exist.</li>
 * </ul>
 *
 * @param status     which of the three
 * @param pStar      the threshold (DECIDED), else NaN
 * @param lower      where the first possible crossing begins (NaN for NONE_BELOW_ONE)
 * @param upper      where it must have happened (DECIDED), or where the undecided stretch ends
 * @param certified  true when the search proved that no earlier crossing exists (convexity
 *                   bounds between samples); false when a run was too long for the proof within
 *                   the work budget and a 1024-point grid was used instead
 * @param xFrom      the x of the first point of the curvature run that decides p* (NaN if none)
 * @param xTo        the x of its last point (NaN if none)
 * @param l0Neurons  the fewest neurons of any interpolant
 */
public record Threshold(Status status, double pStar, double lower, double upper, boolean certified,
                        double xFrom, double xTo, int l0Neurons) {

    /** What the search could establish. */
    public enum Status { NONE_BELOW_ONE, DECIDED, UNDECIDED }

    /** True when no p in (0, 1 - 1e-9] has a non-sparsest l^p optimum (proved, or on a grid when not certified). */
    public boolean noneBelowOne() {
        return status == Status.NONE_BELOW_ONE;
    }

    /** True when p* is known to lie in [lower, upper]. */
    public boolean decided() {
        return status == Status.DECIDED;
    }

    static Threshold none(boolean certified, int l0Neurons) {
        return new Threshold(Status.NONE_BELOW_ONE, Double.NaN, Double.NaN, Double.NaN, certified, Double.NaN, Double.NaN, l0Neurons);
    }
}
