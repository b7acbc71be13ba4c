package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.model.UnivariateNetwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tube mode: the fewest-knot continuous piecewise-linear function f (= fewest-neuron 1-D ReLU
 * network with skip term) with lower_i &lt;= f(x_i) &lt;= upper_i at every data point. Exact; the
 * min-link problem of Imai and Iri (1986) and Hakimi and Schmeichel (1991), re-derived here as a
 * dynamic program over sets of lines.
 *
 * <p><b>Method.</b> Let Phi_m(j) be the set of lines y = c + s x that can be the last piece of an
 * m-piece function satisfying points 1..j, with its last knot at or left of x_j. Then
 * Phi_m(j+1) = (Phi_m(j) &cap; U_{j+1}) &cup; New(Phi_{m-1}(j)), where U_{j+1} are the lines
 * through the tube at x_{j+1} and New(S) those lines of U_{j+1} that cross some line of S within
 * [x_j, x_{j+1}] (a knot there). A line crosses the band that S sweeps over [x_j, x_{j+1}] unless it
 * passes above it at both ends or below it at both ends, so New(S) depends only on the ranges of
 * S at x_j and x_{j+1}: it is U_{j+1} minus two corners, three convex pieces. Only two levels are
 * ever needed: with m the fewest pieces for points 1..j, Phi_{m+1}(j) reaches the whole tube at
 * x_j, so every line of Phi_{m+2} is already in New(Phi_{m+1}). Each level is kept as a list of
 * convex polygons in the (s, c) plane, clipped by each new tube; the answer is m - 1 knots when
 * the last point is reached. A solution is read backwards: a line of the last level, then in each
 * parent level a line crossing it inside the knot's interval, the knot at their crossing.
 *
 * <p><b>Which solution.</b> Among the fewest-knot functions, one read greedily from the right:
 * each piece is the vertex centre of the lines still possible for it (well inside the tube), or,
 * for a piece that one data point or none holds (its lines reach far into the slope box), the
 * line with the smallest slope change there. It is not in general the least l^p cost among them.
 *
 * <p><b>Cost.</b> O(N P V): P polygons alive (new ones per point while the current level
 * survives, dropped when their lines leave the tube or lie inside a neighbour), V vertices each
 * (a handful). On noisy data P stays near a fifth of the points one piece spans; see PERF.md for
 * measured times.
 *
 * <p><b>Tolerance.</b> Polygons of exact constraints (a zero-width tube) are degenerate, so every
 * tube is widened by {@link #MIN_HALF_WIDTH} or, with clustered x (a wide slope box), by the
 * rounding of values at that slope (8e-15 over the least x spacing as a fraction of the x range,
 * in units of half the y range: 8e-9 at spacings 1e-6 of the range); clipping keeps polygons
 * within 1e-12 relative. Every solution is checked at every data point and refused beyond
 * {@link #TUBE_TOLERANCE} of max|y| (the chord path's bound) plus that widening. Stateless and
 * thread-safe.
 */
public final class TubeSolver {
    /**
     * A solution further than this fraction of max|y| outside the tube is refused (checked on
     * every solve), as the chord path refuses interpolants. Typical excesses are far smaller:
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

    /** How far apart in a level's list pieces are compared for nesting. */
    private static final int PRUNE_NEIGHBOURS = 6;

    /** A convex piece of one level and where its lines came from (for reading a solution back). */
    private record Piece(LineSet lines, int start, List<Piece> parents) {
    }

    public TubeFit solve(NoisyData data) {
        data.requireTwoPoints();
        data.requireTube();
        Scaling1D sc = new Scaling1D(data);
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
        Piece first = new Piece(LineSet.box(x[0], maxSlope, lo[0], hi[0]), 0, null);
        List<Piece> level = List.of(first);     // Phi_m(j), m = fewest pieces so far
        // Phi_{m+1}(j): lines whose last knot is right of x_0 (one left of it is no knot at all;
        // starting it with the first piece let the read-back skip a level: fewer knots in the
        // network than counted, the tube missed by the thinnest bend; fuzz finding)
        List<Piece> next = List.of();
        int pieces = 1;
        int pruneAt = 0;                        // prune the next level when it grows past this
        for (int j = 0; j + 1 < n; j++) {
            List<Piece> kept = clip(level, x[j + 1], lo[j + 1], hi[j + 1]);
            List<Piece> nextKept = clip(next, x[j + 1], lo[j + 1], hi[j + 1]);
            if (nextKept.size() > pruneAt) {
                nextKept = withoutContained(nextKept);
                pruneAt = nextKept.size() + nextKept.size() / 4 + PRUNE_NEIGHBOURS;
            }
            List<Piece> fresh = fresh(level, Band.of(level, x[j], x[j + 1]), maxSlope, lo[j + 1], hi[j + 1], j + 1);
            if (!kept.isEmpty()) {
                nextKept.addAll(fresh);
                level = kept;
                next = nextKept;
            } else {
                pieces++;
                pruneAt = 0;
                List<Piece> after = fresh(next, Band.of(next, x[j], x[j + 1]), maxSlope, lo[j + 1], hi[j + 1], j + 1);
                nextKept.addAll(fresh);
                level = nextKept;
                next = after;
            }
            if (level.isEmpty()) {
                throw new IllegalStateException("tube solver: no feasible line at x = " + data.x(j + 1));
            }
        }
        UnivariateNetwork net = readBack(level.get(0), x, sc, maxSlope, widen);
        double excess = excess(net, data);
        // the widening is by design (it matters alone for constant data, whose y scale is 0)
        if (!(excess <= TUBE_TOLERANCE * data.yScale() + 2 * widen * sc.yUnit)) {
            throw new InvalidDataException("the fewest-knot function leaves the tube by " + excess
                    + " at these magnitudes (more than " + TUBE_TOLERANCE + " of max|y|); rescale the data or widen the tube");
        }
        // the read-back merges knots that land on one place; on x clustered 1e-6 apart two
        // nearly parallel pieces can cross at a data point where the previous knot already is,
        // so the function has one knot fewer than the count of pieces (fuzz finding): report
        // the function's own count, never more than the pieces'
        if (net.neurons() > pieces - 1) {
            throw new IllegalStateException("tube solver: the read-back has " + net.neurons() + " knots for " + pieces + " pieces");
        }
        return new TubeFit(net, net.neurons(), excess);
    }

    /**
     * The pieces without those inside a neighbour (within {@link #PRUNE_NEIGHBOURS} places in the
     * list). A piece inside another adds no line, and every line of the other has its own
     * history for the read-back, so dropping it changes nothing. Pieces created a few points
     * apart nest often (on noisy data 80% of a level's pieces lie inside one of their six
     * neighbours), and clipping keeps nesting, so this keeps the level small.
     */
    private static List<Piece> withoutContained(List<Piece> set) {
        int n = set.size();
        boolean[] drop = new boolean[n];
        for (int a = 0; a < n; a++) {
            for (int b = Math.max(0, a - PRUNE_NEIGHBOURS); b <= Math.min(n - 1, a + PRUNE_NEIGHBOURS) && !drop[a]; b++) {
                // of two equal pieces keep the first
                drop[a] = b != a && !drop[b] && set.get(b).lines.contains(set.get(a).lines) && (b < a || !set.get(a).lines.contains(set.get(b).lines));
            }
        }
        List<Piece> out = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            if (!drop[a]) {
                out.add(set.get(a));
            }
        }
        return out;
    }

    private static List<Piece> clip(List<Piece> set, double x, double lo, double hi) {
        List<Piece> out = new ArrayList<>(set.size() + 3);
        for (Piece p : set) {
            LineSet c = p.lines.clipBetween(x, lo, hi);
            if (!c.isEmpty()) {
                out.add(c == p.lines ? p : new Piece(c, p.start, p.parents));
            }
        }
        return out;
    }

    /** The range a set of lines sweeps at x0 and at x1: [aMin, aMax] and [bMin, bMax]. */
    private record Band(double x0, double x1, double aMin, double aMax, double bMin, double bMax) {
        static Band of(List<Piece> set, double x0, double x1) {
            double aMin = Double.POSITIVE_INFINITY;
            double aMax = Double.NEGATIVE_INFINITY;
            double bMin = Double.POSITIVE_INFINITY;
            double bMax = Double.NEGATIVE_INFINITY;
            for (Piece p : set) {
                aMin = Math.min(aMin, p.lines.min(x0));
                aMax = Math.max(aMax, p.lines.max(x0));
                bMin = Math.min(bMin, p.lines.min(x1));
                bMax = Math.max(bMax, p.lines.max(x1));
            }
            return new Band(x0, x1, aMin, aMax, bMin, bMax);
        }
    }

    /**
     * New(S): lines through the tube at point k that cross a line of S between x_{k-1} and x_k:
     * not above S's band at both ends, not below it at both ends. Up to three convex pieces.
     */
    private static List<Piece> fresh(List<Piece> set, Band band, double maxSlope, double lo, double hi, int k) {
        List<Piece> parents = set; // shared, not copied: a level's list is not changed once the next step starts
        List<Piece> out = new ArrayList<>(3);
        if (set.isEmpty()) {
            return out;
        }
        LineSet base = LineSet.box(band.x1, maxSlope, lo, hi);
        addIfAny(out, base.clipBetween(band.x1, band.bMin, band.bMax), k, parents);
        addIfAny(out, base.clipValue(band.x1, band.bMax, false).clipValue(band.x0, band.aMax, true), k, parents);
        addIfAny(out, base.clipValue(band.x1, band.bMin, true).clipValue(band.x0, band.aMin, false), k, parents);
        return out;
    }

    private static void addIfAny(List<Piece> out, LineSet lines, int start, List<Piece> parents) {
        if (!lines.isEmpty()) {
            out.add(new Piece(lines, start, parents));
        }
    }

    /**
     * A solution, right to left: a line of the last piece, then in each parent level a line
     * crossing the current one inside its knot interval ({@link #choose}).
     */
    private static UnivariateNetwork readBack(Piece last, double[] x, Scaling1D sc, double maxSlope, double widen) {
        double[] line = choose(last.lines, 0, maxSlope); // slope, value at origin
        double origin = last.lines.origin;
        double[] knots = new double[16];
        double[] changes = new double[16];
        int k = 0;
        for (Piece p = last; p.parents != null; ) {
            double x0 = x[p.start - 1];
            double x1 = x[p.start];
            double v0 = line[1] + line[0] * (x0 - origin);
            double v1 = line[1] + line[0] * (x1 - origin);
            Piece parent = null;
            double[] prev = null;
            // exact first; then with a slack up to the tubes' widening (thin polygons of exact
            // constraints), not more: a larger slack let a parallel line 4e-11 away pass for a
            // crossing, and its knot vanished from the network (fuzz finding)
            for (double slack = 0; parent == null && slack <= widen; slack = slack == 0 ? widen * 1e-4 : slack * 10) {
                for (Piece q : p.parents) {
                    LineSet crossing = q.lines.clipValue(x0, v0 + slack, true).clipValue(x1, v1 - slack, false);
                    if (crossing.isEmpty()) {
                        crossing = q.lines.clipValue(x0, v0 - slack, false).clipValue(x1, v1 + slack, true);
                    }
                    if (!crossing.isEmpty()) {
                        parent = q;
                        prev = choose(crossing, line[0], maxSlope);
                        break;
                    }
                }
            }
            if (parent == null) {
                throw new IllegalStateException("tube solver: no line of the previous level crosses the chosen one in ["
                        + sc.xBack(x0) + ", " + sc.xBack(x1) + "]");
            }
            double prevOrigin = parent.lines.origin;
            double change = line[0] - prev[0];
            if (change != 0) {
                // both lines' values at x0 are O(1) sums, so the crossing is well conditioned
                double gap = prev[1] + prev[0] * (x0 - prevOrigin) - v0;
                if (k == knots.length) {
                    knots = Arrays.copyOf(knots, 2 * k);
                    changes = Arrays.copyOf(changes, 2 * k);
                }
                knots[k] = Math.min(Math.max(x0 + gap / change, x0), x1);
                changes[k] = change;
                k++;
            }
            p = parent;
            line = prev;
            origin = prevOrigin;
        }
        // right to left -> left to right, back to the data's units; knots at one place merge
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
