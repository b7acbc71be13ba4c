package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.model.Shape;
import dev.sparsest.model.UnivariateNetwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tube mode: the fewest-knot continuous piecewise-linear function f (= fewest-neuron 1-D ReLU
 * network with skip term) with lower_i &lt;= f(x_i) &lt;= upper_i at every data point. Exact, O(N):
 * the greedy window method of the min-link problem (Imai and Iri 1986; Hakimi and Schmeichel
 * 1991), re-derived here for tubes at the data points only.
 *
 * <p><b>Method.</b> Call the tube at x_i gate i. Level m is the set P_m of lines that can be the
 * m-th piece. Level 1 is every line through gate 0; a level is clipped by each following gate
 * until the gate at which it would be empty, gate J: all its lines pass above gate J, say (below is
 * the mirror image). Let L* be its line lowest at x_J. L* is held by the bottom of some gate g and
 * by the top of an earlier gate (or the slope bound), so every line of the level that has passed
 * gate g stays above L* to the right of x_g: no m-piece function gets below L* between x_g and x_J.
 * A next piece, which must get down into gate J, therefore crosses L* from above somewhere in
 * [x_g, x_J] and then stays between L* and the bottoms of the gates. That gives level m + 1 as one
 * convex set: P_{m+1} = { lines through gate J that are above the bottoms of gates g..J-1 }, and
 * conversely each such line crosses L* at a valid knot. The count is the number of levels minus 1.
 * Each level is a convex polygon in the (slope, value) plane ({@link LinePolygon}), clipped in
 * amortized O(1) per gate; the walls g..J-1 of successive levels do not overlap, so the whole
 * solve is O(N).
 *
 * <p><b>Which solution.</b> Read from the right: the last piece is the vertex centre of the last
 * level (well inside the tube). For each earlier piece, the knot interval is the middle one of
 * those in which some line of the previous level can meet the current piece; that piece is the
 * vertex centre of the lines meeting it there, or, where those lines reach far into the slope box
 * (a piece held by one data point or none), the one with the smallest slope change. On noisy data
 * the knots then fall near where the data bend. It is not in general the least l^p cost among the
 * fewest-knot functions.
 *
 * <p><b>Tolerance.</b> Polygons of exact constraints (a zero-width tube) are degenerate, so every
 * tube is widened by {@link #MIN_HALF_WIDTH} or, with clustered x (a wide slope box), by the
 * rounding of values at that slope (8e-15 over the least x spacing as a fraction of the x range,
 * in units of half the y range: 8e-9 at spacings 1e-6 of the range); clipping keeps polygons
 * within a few ulps of their terms, and values closer than the widening count as equal when a
 * polygon's highest or lowest line is looked for. Every solution is checked at every data point
 * and refused beyond {@link #TUBE_TOLERANCE} of the y range (shift-invariant: an offset in y
 * does not loosen it), the rounding of the offset's back-transform (64 u |offset|) and that
 * widening. Stateless and thread-safe.
 */
public final class TubeSolver {
    /**
     * A solution further than this fraction of the y range outside the tube (beside rounding and
     * the widening) is refused (checked on every solve), as the chord path refuses interpolants. Typical excesses are far smaller:
     * the widening below, about 1e-11 of the y range for spread-out x.
     */
    public static final double TUBE_TOLERANCE = 1e-6;
    /**
     * Every tube is widened by this (scaled units: y within [-1, 1]) so that exact constraints
     * (eps = 0) give thin polygons instead of degenerate ones that rounding can lose.
     */
    static final double MIN_HALF_WIDTH = 1e-11;
    /**
     * ... and by this times the slope bound: a vertex of a polygon as wide as the slope box is
     * known to a few ulps of the slope, so a value at distance up to 1 is known to about this
     * much (clustered x: box 1e6, 1e-9 in value); thinner tubes lose their polygons in clipping.
     */
    static final double SLOPE_ROUNDING = 1e-15;

    /**
     * The slope box for the least x gap (scaled units: x in [0, 1], y in [-1, 1]). Every piece of
     * some optimal solution has |slope| &lt;= (max upper - min lower) / min gap &lt;= 2 / minGap (a
     * piece covering two points is a chord of the tube; one covering one point or none can be
     * turned to pass through a neighbour's value): 4x margin.
     */
    static double slopeBound(double minGap) {
        return 8 / minGap;
    }

    /** The half-width added to every tube (scaled units): {@link #MIN_HALF_WIDTH}, or {@link #SLOPE_ROUNDING} x the slope box. */
    static double widening(double maxSlope) {
        return Math.max(MIN_HALF_WIDTH, SLOPE_ROUNDING * maxSlope);
    }

    /**
     * Level m: its polygon is the lines through gate {@code start} that are above the bottoms
     * (below the tops, {@code wallsAreBottoms} false) of gates {@code wallFrom..start-1}; none for
     * the first level ({@code wallFrom} = -1).
     */
    private record Level(int start, int wallFrom, boolean wallsAreBottoms) {
    }

    /**
     * The scaled tube: x in [0, 1], bounds widened; the slope bound's magnitude (which sets the
     * widening), and the box of slopes the pieces may take: [-maxSlope, maxSlope], or with one
     * side at 0 for a monotone fit.
     */
    private record Tube(double[] x, double[] lo, double[] hi, double maxSlope, double widen, double leastSlope, double largestSlope) {
    }

    public TubeFit solve(NoisyData data) {
        return solve(data, Shape.ANY);
    }

    /**
     * The fewest-knot function in the tubes that also keeps {@code shape}: any, or monotone (every
     * piece's slope of one sign: the same method on a slope box with one side at 0, since the
     * argument above holds for any box of slopes). Convex and concave tubes are not built (a
     * coupling between neighbouring pieces the window method does not carry). Refuses monotone
     * tubes that no monotone function meets, naming two tubes that cannot both be met.
     */
    public TubeFit solve(NoisyData data, Shape shape) {
        if (shape == Shape.CONVEX || shape == Shape.CONCAVE) {
            throw new IllegalArgumentException("convex and concave tube fits are not built yet: the shape is kept by "
                    + "interpolation (data that are " + shape.label() + " give " + shape.label() + " interpolants); tubes take "
                    + "increasing or decreasing");
        }
        data.requireTwoPoints();
        data.requireTube();
        if (shape.monotone()) {
            requireMonotoneTubes(data, shape == Shape.NON_DECREASING);
        }
        try {
            return solve(data, data, shape);
        } catch (IllegalStateException degenerate) {
            // a tolerance exactly at a breakpoint shrinks a level to a point or a segment, whose
            // edges rounding can lose; tubes wider by 1/1000 of the solver's own widening (its
            // accuracy; on clustered x far more than MIN_HALF_WIDTH) have the same fewest knots up
            // to the accuracy stated above, and levels with area. Clustered x can need more (up
            // to 100 widenings, found by fuzzing); every answer is checked against the original
            // tubes, and a solve that still fails is refused by name, not with an internal error
            UnivariateScaling sc = new UnivariateScaling(data);
            double widen = scaledTube(data, sc, shape).widen;
            for (double share : new double[] {1e-3, 1e-2, 1e-1, 1, 10, 100}) {
                double delta = share * widen * sc.yUnit + 16 * Math.ulp(Math.abs(sc.y0) + sc.yUnit);
                try {
                    return solve(data.widenedBy(delta), data, shape); // checked against the original tubes
                } catch (IllegalStateException again) {
                    // the next width
                }
            }
            throw new InvalidDataException("the tube solver loses the feasible lines to rounding on these data (x as close as "
                    + (float) minGap(data) + " over a range of " + (float) (data.x(data.size() - 1) - data.x(0)) + "): widen the"
                    + " tubes by about " + (float) (100 * widen * sc.yUnit) + ", or space the x further apart ("
                    + degenerate.getMessage() + ")");
        }
    }

    private static double minGap(NoisyData d) {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < d.size(); i++) {
            gap = Math.min(gap, d.x(i) - d.x(i - 1));
        }
        return gap;
    }

    /**
     * A non-decreasing function meets every tube exactly when no tube lies wholly above a later
     * one (mirrored for non-increasing). The refusal names the first such pair and the least
     * widening that would do: half the largest gap between an earlier bound and a later one.
     */
    private static void requireMonotoneTubes(NoisyData d, boolean up) {
        int held = 0; // the tube with the highest lower bound so far (lowest upper bound, going down)
        int[] pair = null;
        double worst = 0;
        for (int j = 1; j < d.size(); j++) {
            if (up ? d.lower(j - 1) > d.lower(held) : d.upper(j - 1) < d.upper(held)) {
                held = j - 1;
            }
            double gap = up ? d.lower(held) - d.upper(j) : d.lower(j) - d.upper(held);
            if (gap > worst) {
                worst = gap;
                pair = new int[] {held, j};
            }
        }
        if (pair != null) {
            int i = pair[0];
            int j = pair[1];
            throw new InvalidDataException(String.format(java.util.Locale.ROOT, "no %s function meets every tube: at x = %s it"
                    + " must be %s %s, at x = %s %s %s; every tube would have to be %.6g wider on each side (half the largest %s"
                    + " between an earlier tube and a later one), or drop the shape", up ? "non-decreasing" : "non-increasing",
                    d.x(i), up ? "at least" : "at most", up ? d.lower(i) : d.upper(i), d.x(j), up ? "at most" : "at least",
                    up ? d.upper(j) : d.lower(j), worst / 2 * (1 + 1e-6), up ? "drop" : "rise"));
        }
    }

    /** The fewest-knot fit of {@code solved}'s tubes, checked against {@code checked}'s (the same or narrower). */
    private TubeFit solve(NoisyData solved, NoisyData checked, Shape shape) {
        UnivariateScaling sc = new UnivariateScaling(solved);
        Tube tube = scaledTube(solved, sc, shape);
        LinePolygon poly = new LinePolygon(tube.x, tube.lo, tube.hi, tube.widen);
        List<Level> levels = levels(tube, poly);
        UnivariateNetwork net = readBack(levels, poly, tube, sc);
        double excess = excess(net, checked);
        // the widening is by design (it matters alone for constant data, whose y scale is 0)
        double allowed = TUBE_TOLERANCE * sc.yUnit + 64 * 0x1p-53 * Math.abs(sc.y0) + 2 * tube.widen * sc.yUnit;
        if (!(excess <= allowed)) {
            throw new InvalidDataException("the fewest-knot function leaves the tube by " + excess
                    + " at these magnitudes (more than " + (float) allowed + ", " + TUBE_TOLERANCE
                    + " of the y range and rounding); rescale the data or widen the tube");
        }
        // the read-back merges knots that land on one place (on x clustered 1e-6 apart two nearly
        // parallel pieces can cross at a data point where the previous knot already is): report
        // the function's own count, never more than the levels'
        if (net.neurons() > levels.size() - 1) {
            throw new IllegalStateException("tube solver: the read-back has " + net.neurons() + " knots for " + levels.size() + " pieces");
        }
        String broken = shape.violation(net);
        if (broken != null) {
            throw new IllegalStateException("tube solver: the " + shape.label() + " fit has " + broken);
        }
        return new TubeFit(net, net.neurons(), excess);
    }

    private static Tube scaledTube(NoisyData data, UnivariateScaling sc, Shape shape) {
        int n = data.size();
        double[] x = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = sc.x(data.x(i));
            if (i > 0) {
                minGap = Math.min(minGap, x[i] - x[i - 1]);
            }
        }
        double maxSlope = slopeBound(minGap);
        if (!Double.isFinite(maxSlope)) {
            throw new InvalidDataException("the x values are too close together for doubles at this range; rescale x");
        }
        double widen = widening(maxSlope);
        for (int i = 0; i < n; i++) {
            lo[i] = sc.y(data.lower(i)) - widen;
            hi[i] = sc.y(data.upper(i)) + widen;
        }
        return new Tube(x, lo, hi, maxSlope, widen, shape == Shape.NON_DECREASING ? 0 : -maxSlope,
                shape == Shape.NON_INCREASING ? 0 : maxSlope);
    }

    /**
     * The forward pass: the levels, each started at the gate where the one before would be
     * empty. Leaves {@code poly} as the last level clipped by every gate.
     */
    private static List<Level> levels(Tube tube, LinePolygon poly) {
        double[] x = tube.x;
        List<Level> levels = new ArrayList<>();
        Level level = new Level(0, -1, true);
        levels.add(level);
        build(poly, level, tube);
        for (int j = 1; j < x.length; j++) {
            // a clip that would empty the polygon leaves it as it was, the level that dies here
            LinePolygon.Clip top = poly.clip(LinePolygon.top(j));
            if (top == LinePolygon.Clip.EMPTY) {                   // every line passes above gate j
                level = new Level(j, newestWall(poly, tube, level.start, j, true), true);
            } else if (poly.clip(LinePolygon.bottom(j)) == LinePolygon.Clip.EMPTY) { // ... or below it
                if (top == LinePolygon.Clip.CHANGED) { // the top cut left lines at the top of the gate
                    throw new IllegalStateException("tube solver: gate " + j + " leaves no line inside a level that passes it");
                }
                level = new Level(j, newestWall(poly, tube, level.start, j, false), false);
            } else {
                continue;
            }
            levels.add(level);
            build(poly, level, tube);
        }
        return levels;
    }

    /**
     * The gate g of the level's lowest line at the gate it cannot pass (highest, for tops): the
     * newest bottom (top) still on the polygon. The vertex lowest at a point right of every
     * constraint is where the bottom edges begin, counter-clockwise, so this is the bottom that
     * holds L*. A polygon shrunk to a point (a tolerance exactly at a breakpoint) may keep no edge
     * of that kind, though such a constraint holds it: then {@link #tightestWall}.
     */
    private static int newestWall(LinePolygon poly, Tube tube, int start, int dying, boolean bottoms) {
        int g = -1;
        int i = poly.extreme(poly.origin(), true);
        for (int k = 0; k < poly.size(); k++, i = poly.next(i)) {
            int label = poly.edgeAfter(i);
            if (bottoms ? LinePolygon.isBottom(label) : LinePolygon.isTop(label)) {
                g = Math.max(g, LinePolygon.gate(label));
            }
        }
        return g >= 0 ? g : tightestWall(poly, tube, start, dying, bottoms);
    }

    /**
     * For a degenerate polygon: the newest gate among {@code start..dying-1} whose bottom (top)
     * L*, the level's line lowest (highest) at the dying gate, meets within the widening, or
     * failing that the one it comes closest to.
     */
    private static int tightestWall(LinePolygon poly, Tube tube, int start, int dying, boolean bottoms) {
        int star = poly.extreme(tube.x[dying], !bottoms);
        int closest = start;
        double least = Double.POSITIVE_INFINITY;
        for (int h = dying - 1; h >= start; h--) {
            double value = poly.value(star, tube.x[h]);
            double slack = bottoms ? value - tube.lo[h] : tube.hi[h] - value;
            if (slack <= 4 * tube.widen) {
                return h;
            }
            if (slack < least) {
                least = slack;
                closest = h;
            }
        }
        return closest;
    }

    /** Resets {@code poly} to a level's lines (its gate and walls). */
    private static void build(LinePolygon poly, Level level, Tube tube) {
        poly.reset(level.start, tube.leastSlope, tube.largestSlope);
        for (int h = level.wallFrom; h >= 0 && h < level.start; h++) {
            int wall = level.wallsAreBottoms ? LinePolygon.bottom(h) : LinePolygon.top(h);
            if (poly.clip(wall) == LinePolygon.Clip.EMPTY) {
                throw new IllegalStateException("tube solver: the walls of the level at gate " + level.start + " leave no line");
            }
        }
    }

    private static void clipGate(LinePolygon poly, int j) {
        if (poly.clip(LinePolygon.top(j)) == LinePolygon.Clip.EMPTY || poly.clip(LinePolygon.bottom(j)) == LinePolygon.Clip.EMPTY) {
            throw new IllegalStateException("tube solver: gate " + j + " leaves no line inside a level that passes it");
        }
    }

    /**
     * A solution, right to left: the centre of the last level, then for each earlier level the
     * middle knot interval in which one of its lines can meet the current piece, and a line
     * meeting it there ({@link #choose}). Each level is rebuilt twice (O(N) in all).
     */
    private static UnivariateNetwork readBack(List<Level> levels, LinePolygon poly, Tube tube, UnivariateScaling sc) {
        double[] x = tube.x;
        double[] line = choose(poly.snapshot(), 0, tube.maxSlope); // slope, value at origin
        double origin = poly.origin();
        double[] knots = new double[16];
        double[] changes = new double[16];
        int count = 0;
        int[] feasible = new int[16];
        for (int m = levels.size() - 1; m >= 1; m--) {
            Level cur = levels.get(m);
            Level prev = levels.get(m - 1);
            // knot in [x_k, x_k+1]: the line must pass gates k+1 .. cur.start-1 itself
            int kMin = cur.start - 1;
            while (kMin > prev.start && passes(line, origin, tube, kMin)) {
                kMin--;
            }
            int found = 0;
            for (double tol = 0; found == 0 && tol <= tube.widen; tol = tol == 0 ? tube.widen : 2 * tol) {
                build(poly, prev, tube);
                for (int k = prev.start; k < cur.start; k++) {
                    if (k > prev.start) {
                        clipGate(poly, k);
                    }
                    if (k >= kMin && meets(poly, line, origin, x[k], x[k + 1], tol)) {
                        if (found == feasible.length) {
                            feasible = Arrays.copyOf(feasible, 2 * found);
                        }
                        feasible[found++] = k;
                    }
                }
            }
            if (found == 0) {
                throw new IllegalStateException("tube solver: no line of the previous level meets the chosen one in ["
                        + sc.xBack(x[Math.max(kMin, prev.start)]) + ", " + sc.xBack(x[cur.start]) + "]");
            }
            int k = middle(feasible, found);
            build(poly, prev, tube);
            for (int j = prev.start + 1; j <= k; j++) {
                clipGate(poly, j);
            }
            LineSet lines = poly.snapshot();
            double x0 = x[k];
            double x1 = x[k + 1];
            double v0 = line[1] + line[0] * (x0 - origin);
            double v1 = line[1] + line[0] * (x1 - origin);
            double[] before = null;
            // exact first; then with a slack up to the tubes' widening (thin polygons of exact
            // constraints), not more: a larger slack let a parallel line 4e-11 away pass for a
            // crossing, and its knot vanished from the network (fuzz finding)
            for (double slack = 0; before == null && slack <= tube.widen; slack = slack == 0 ? tube.widen * 1e-4 : slack * 10) {
                LineSet crossing = lines.clipValue(x0, v0 + slack, true).clipValue(x1, v1 - slack, false);
                if (crossing.isEmpty()) {
                    crossing = lines.clipValue(x0, v0 - slack, false).clipValue(x1, v1 + slack, true);
                }
                if (!crossing.isEmpty()) {
                    before = choose(crossing, line[0], tube.maxSlope);
                }
            }
            if (before == null) {
                throw new IllegalStateException("tube solver: no line of the previous level crosses the chosen one in ["
                        + sc.xBack(x0) + ", " + sc.xBack(x1) + "]");
            }
            double change = line[0] - before[0];
            if (change != 0) {
                // both lines' values at x0 are O(1) sums, so the crossing is well conditioned
                double gap = before[1] + before[0] * (x0 - lines.origin) - v0;
                if (count == knots.length) {
                    knots = Arrays.copyOf(knots, 2 * count);
                    changes = Arrays.copyOf(changes, 2 * count);
                }
                knots[count] = Math.min(Math.max(x0 + gap / change, x0), x1);
                changes[count] = change;
                count++;
            }
            line = before;
            origin = lines.origin;
        }
        return network(knots, changes, count, line, origin, sc);
    }

    /** Whether the line passes gate h (within the widening, as the solution check allows). */
    private static boolean passes(double[] line, double origin, Tube tube, int h) {
        double value = line[1] + line[0] * (tube.x[h] - origin);
        return value >= tube.lo[h] - tube.widen && value <= tube.hi[h] + tube.widen;
    }

    /**
     * Whether some line of the polygon meets the line in [x0, x1]: the polygon's lines are not
     * all above it at both ends, nor all below it at both ends (within {@code tol}).
     */
    private static boolean meets(LinePolygon poly, double[] line, double origin, double x0, double x1, double tol) {
        double l0 = line[1] + line[0] * (x0 - origin);
        double l1 = line[1] + line[0] * (x1 - origin);
        boolean above = poly.min(x0) > l0 + tol && poly.min(x1) > l1 + tol;
        boolean below = poly.max(x0) < l0 - tol && poly.max(x1) < l1 - tol;
        return !above && !below;
    }

    /** The listed interval nearest the middle of the first and last listed. */
    private static int middle(int[] ks, int found) {
        double mid = 0.5 * (ks[0] + ks[found - 1]);
        int best = ks[0];
        for (int i = 1; i < found; i++) {
            if (Math.abs(ks[i] - mid) < Math.abs(best - mid)) {
                best = ks[i];
            }
        }
        return best;
    }

    /** The knots (right to left, scaled) as a network in the data's units; knots at one place merge. */
    private static UnivariateNetwork network(double[] knots, double[] changes, int k, double[] line, double origin, UnivariateScaling sc) {
        double slopeUnit = sc.yUnit / sc.xSpan;
        double[] u = new double[k];
        double[] c = new double[k];
        int m = 0;
        for (int i = k - 1; i >= 0; i--) {
            double knot = sc.xBack(knots[i]);
            if (m > 0 && knot <= u[m - 1]) {
                c[m - 1] += changes[i] * slopeUnit;
                continue;
            }
            u[m] = knot;
            c[m] = changes[i] * slopeUnit;
            m++;
        }
        try {
            return UnivariateNetwork.of(Arrays.copyOf(u, m), Arrays.copyOf(c, m), line[0] * slopeUnit, sc.xBack(origin),
                    sc.yBack(line[1]));
        } catch (IllegalArgumentException e) { // a slope or value beyond doubles in the data's units (fuzz finding)
            throw new InvalidDataException("the fewest-knot function overflows doubles at these magnitudes ("
                    + e.getMessage() + "); rescale the data");
        }
    }

    /**
     * The vertex centre of the set (well inside the tube: on noisy data its knots fall between
     * data points, near where the data bend); but where the set reaches far into the slope box
     * (a piece held by one data point or none) the centre would be a needlessly steep line, so
     * there the line with the slope nearest {@code slope} (the smallest slope change; the knot
     * then sits at a data point).
     */
    private static double[] choose(LineSet set, double slope, double maxSlope) {
        for (double s : set.s) {
            if (Math.abs(s) > maxSlope / 2) {
                return set.nearestSlope(slope);
            }
        }
        return set.centre();
    }

    private static double excess(UnivariateNetwork f, NoisyData d) {
        double[] xs = d.xs();
        double[] v = new double[xs.length];
        f.evaluateSorted(xs, v);
        double worst = 0;
        for (int i = 0; i < xs.length; i++) {
            worst = Math.max(worst, Math.max(d.lower(i) - v[i], v[i] - d.upper(i)));
            if (Double.isNaN(v[i])) {
                return Double.NaN;
            }
        }
        return worst;
    }
}
