package dev.sparsest.noisy;

/**
 * A convex polygon of lines y = v + s (x - origin) in the (s, v) plane, clipped in place by the
 * tube's gates: "value at x_i at most hi_i" (a top) and "value at x_i at least lo_i" (a bottom).
 * Each edge keeps the constraint it lies on, so a vertex is known as the line through two
 * constraint points (x_i, lo_i or hi_i) or through one with a bound of the slope box, computed from the
 * data rather than by interpolation, and a vertex says which constraints hold it (the tube
 * solver's window needs that).
 *
 * <p><b>Cost.</b> The vertices are a doubly linked ring in arrays. A clip finds the vertex
 * furthest outside by climbing from the vertex found last time (unimodal on a convex polygon), then
 * removes the run of vertices outside and links in two new ones. For constraints in increasing x
 * the climbing point moves one way round the polygon, so a sequence of n clips costs O(n) in all
 * (each vertex is created once and removed once): the dual form of the two convex hulls of the
 * classical line-stabbing algorithm. Nothing is allocated after the arrays have grown.
 *
 * <p><b>Tolerance.</b> A vertex is outside a constraint only beyond {@link #SLACK} (a few ulps)
 * of its terms' size, so thin polygons of zero-width tubes survive rounding.
 */
final class LinePolygon {
    /** Label of the edge s = maxSlope (the box's largest slope). */
    static final int STEEPEST_UP = -1;
    /** Label of the edge s = minSlope (the box's least slope: -maxSlope, or 0 for non-decreasing fits). */
    static final int STEEPEST_DOWN = -2;
    /**
     * Relative slack of the inside test: a few ulps of |v| + |s (x - origin)| + |bound|. Not
     * more: on x clustered 1e-6 apart those terms reach 1e7, and a slack of 1e-12 let steep
     * vertices sit 8e-6 outside a constraint (fuzz finding).
     */
    static final double SLACK = 2e-15;
    /**
     * Vertices this close (relative, per coordinate) are one. Below any tube's width: the
     * narrowest polygon (a zero-width tube, widened by 1e-11 at values of size ~1) is 1e-11
     * relative across; above the rounding of vertices computed from nearly collinear data.
     */
    private static final double SAME = 1e-12;
    /** How far the climb looks past its best vertex across values level within the tolerance. */
    private static final int PLATEAU_STEPS = 3;

    /** What a clip did. */
    enum Clip { UNCHANGED, CHANGED, EMPTY }

    private final double[] x;
    private final double[] lo;
    private final double[] hi;
    private final double resolution;
    private double origin;
    private double minSlope;
    private double maxSlope;

    private double[] s = new double[16];
    private double[] v = new double[16];
    private int[] next = new int[16];
    private int[] prev = new int[16];
    /** The constraint of the edge from a vertex to its successor: 2i bottom of gate i, 2i+1 top, or a slope label. */
    private int[] edge = new int[16];
    private boolean[] alive = new boolean[16];
    private int used;
    private int freeList = -1;
    private int size;
    private int highHint;
    private int lowHint;
    /** The last vertex {@link #cut} computed (fields, so that clipping allocates nothing). */
    private double cutS;
    private double cutV;

    /**
     * A polygon over the tube lo[i] &lt;= y(x[i]) &lt;= hi[i] (arrays shared, not copied). Values
     * closer than {@code resolution} count as equal when looking for the highest or lowest
     * vertex: a vertex where two constraints at nearly the same x meet (clustered x) is known
     * only to about an ulp of the bounds over their x gap in slope, and such vertices can dent
     * the polygon by that much; the tube solver passes its widening, which is that size.
     */
    LinePolygon(double[] x, double[] lo, double[] hi, double resolution) {
        this.x = x;
        this.lo = lo;
        this.hi = hi;
        this.resolution = resolution;
    }

    static int bottom(int gate) {
        return 2 * gate;
    }

    static int top(int gate) {
        return 2 * gate + 1;
    }

    static boolean isBottom(int label) {
        return label >= 0 && (label & 1) == 0;
    }

    static boolean isTop(int label) {
        return label >= 0 && (label & 1) == 1;
    }

    static int gate(int label) {
        return label >> 1;
    }

    /** Starts over as the lines through gate {@code g} with |slope| &lt;= maxSlope, origin x[g]. */
    void reset(int g, double maxSlope) {
        reset(g, -maxSlope, maxSlope);
    }

    /** Starts over as the lines through gate {@code g} with minSlope &lt;= slope &lt;= maxSlope, origin x[g]. */
    void reset(int g, double minSlope, double maxSlope) {
        this.origin = x[g];
        this.minSlope = minSlope;
        this.maxSlope = maxSlope;
        used = 0;
        freeList = -1;
        size = 0;
        int a = add(minSlope, lo[g]);
        int b = add(maxSlope, lo[g]);
        int c = add(maxSlope, hi[g]);
        int d = add(minSlope, hi[g]);
        link(a, b, bottom(g));
        link(b, c, STEEPEST_UP);
        link(c, d, top(g));
        link(d, a, STEEPEST_DOWN);
        highHint = c;
        lowHint = a;
    }

    double origin() {
        return origin;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Value at {@code at} of the line of vertex {@code i}. */
    double value(int i, double at) {
        return v[i] + s[i] * (at - origin);
    }

    double slope(int i) {
        return s[i];
    }

    /** The vertex after i, counter-clockwise. */
    int next(int i) {
        return next[i];
    }

    /** The constraint of the edge leaving vertex i (counter-clockwise). */
    int edgeAfter(int i) {
        return edge[i];
    }

    /** The constraint of the edge arriving at vertex i. */
    int edgeBefore(int i) {
        return edge[prev[i]];
    }

    /** The vertex whose line is highest (max) or lowest at {@code at}. */
    int extreme(double at, boolean max) {
        int h = climb(max ? highHint : lowHint, at, max ? 1 : -1);
        if (max) {
            highHint = h;
        } else {
            lowHint = h;
        }
        return h;
    }

    double max(double at) {
        return value(extreme(at, true), at);
    }

    double min(double at) {
        return value(extreme(at, false), at);
    }

    /**
     * Keeps the lines inside constraint {@code label} (a top or bottom). An empty result leaves
     * the polygon as it was and says {@link Clip#EMPTY}.
     */
    Clip clip(int label) {
        boolean upper = isTop(label);
        int e = extreme(x[gate(label)], upper);
        if (excess(e, label) <= 0) {
            return Clip.UNCHANGED;
        }
        int last = e;
        while (excess(next[last], label) > 0) {
            last = next[last];
            if (last == e) {
                return Clip.EMPTY;
            }
        }
        int first = e;
        while (excess(prev[first], label) > 0) {
            first = prev[first];
        }
        int keptBefore = prev[first];
        int keptAfter = next[last];
        cut(edge[keptBefore], label, keptBefore, first);
        double ps = cutS;
        double pv = cutV;
        cut(edge[last], label, keptAfter, last);
        double qs = cutS;
        double qv = cutV;
        int after = edge[last];
        for (int i = first; ; ) {
            int following = next[i];
            release(i);
            if (i == last) {
                break;
            }
            i = following;
        }
        // the new chain keptBefore -> p -> q -> keptAfter, without vertices that repeat their
        // neighbour (collinear constraint points give the same line twice): a zero-length edge
        // has a direction of rounding noise, and the climb would stop on it
        int from = keptBefore;
        if (!same(ps, pv, s[keptBefore], v[keptBefore])) {
            int a = add(ps, pv);
            link(from, a, edge[from]);
            from = a;
        }
        if (same(qs, qv, s[from], v[from])) {
            link(from, keptAfter, after);
        } else if (same(qs, qv, s[keptAfter], v[keptAfter])) {
            link(from, keptAfter, label);
        } else {
            int b = add(qs, qv);
            link(from, b, label);
            link(b, keptAfter, after);
        }
        if (!alive[highHint]) {
            highHint = keptAfter;
        }
        if (!alive[lowHint]) {
            lowHint = keptAfter;
        }
        return Clip.CHANGED;
    }

    /** The polygon as an immutable {@link LineSet} (counter-clockwise vertices). */
    LineSet snapshot() {
        double[] ss = new double[size];
        double[] vv = new double[size];
        int start = highHint;
        int i = start;
        for (int k = 0; k < size; k++, i = next[i]) {
            ss[k] = s[i];
            vv[k] = v[i];
        }
        return new LineSet(origin, ss, vv);
    }

    int size() {
        return size;
    }

    /**
     * The vertex furthest in direction {@code sign} x value at {@code at}, walking from h each way
     * while the values rise or stay within rounding (or the resolution) of the best: nearly
     * collinear constraints (a straight run of data) leave clusters of vertices a few ulps apart
     * whose order is rounding noise, and a strict climb stopped inside them (found by the
     * affine-map property); on x clustered 1e-6 apart a dent of 2e-10 stopped it (fuzz finding).
     * At most {@link #PLATEAU_STEPS} steps past the best within that tolerance: on a parabola's
     * many nearly level vertices an unbounded walk made the solve quadratic (128 000 points:
     * 0.77 s instead of 34 ms).
     */
    private int climb(int h, double at, double sign) {
        int best = h;
        double fBest = sign * value(h, at);
        for (int dir = 0; dir < 2; dir++) {
            int i = h;
            int level = 0; // steps since the last rise, within the tolerance of the best
            for (int k = 1; k < size && level <= PLATEAU_STEPS; k++) {
                i = dir == 0 ? next[i] : prev[i];
                double f = sign * value(i, at);
                if (f > fBest) {
                    best = i;
                    fBest = f;
                    level = 0;
                } else if (f < fBest - Math.max(resolution, SLACK * (Math.abs(v[best]) + Math.abs(s[best] * (at - origin))))) {
                    break;
                } else {
                    level++;
                }
            }
        }
        return best;
    }

    /** How far vertex i is outside a gate constraint, 0 when inside or within the slack. */
    private double excess(int i, int label) {
        int g = gate(label);
        double sv = s[i] * (x[g] - origin);
        double bound = isTop(label) ? hi[g] : lo[g];
        double out = isTop(label) ? v[i] + sv - bound : bound - v[i] - sv;
        return out > SLACK * (Math.abs(v[i]) + Math.abs(sv) + Math.abs(bound)) ? out : 0;
    }

    /**
     * The vertex where the edge of constraint {@code a} (from vertex {@code kept}, inside, to
     * vertex {@code out}, outside) meets constraint {@code b}: the line through their two points
     * (or through one with the slope bound). Parallel constraints (one gate's top and bottom,
     * which meet only in degenerate polygons) fall back to interpolating along the edge. The
     * result goes to {@link #cutS}, {@link #cutV}.
     */
    private void cut(int a, int b, int kept, int out) {
        if (a >= 0 && b >= 0 && gate(a) != gate(b)) {
            int ga = gate(a);
            int gb = gate(b);
            double ya = isTop(a) ? hi[ga] : lo[ga];
            double yb = isTop(b) ? hi[gb] : lo[gb];
            double slope = (yb - ya) / (x[gb] - x[ga]);
            // from the point nearer the origin: the smaller term
            cutS = slope;
            cutV = Math.abs(x[ga] - origin) <= Math.abs(x[gb] - origin) ? ya + slope * (origin - x[ga]) : yb + slope * (origin - x[gb]);
            return;
        }
        if ((a >= 0) != (b >= 0)) {
            int g = gate(Math.max(a, b));
            int c = Math.max(a, b);
            double y = isTop(c) ? hi[g] : lo[g];
            double slope = Math.min(a, b) == STEEPEST_UP ? maxSlope : minSlope;
            cutS = slope;
            cutV = y + slope * (origin - x[g]);
            return;
        }
        double fk = signed(kept, b);
        double fo = signed(out, b);
        double t = fk / (fk - fo);
        cutS = s[kept] + t * (s[out] - s[kept]);
        cutV = v[kept] + t * (v[out] - v[kept]);
    }

    /** Whether a new vertex (s, v) repeats vertex (si, vi), to {@link #SAME} in each coordinate. */
    private static boolean same(double s, double v, double si, double vi) {
        return Math.abs(s - si) <= SAME * (Math.abs(s) + Math.abs(si)) && Math.abs(v - vi) <= SAME * (Math.abs(v) + Math.abs(vi));
    }

    private double signed(int i, int label) {
        int g = gate(label);
        double val = value(i, x[g]);
        return isTop(label) ? val - hi[g] : lo[g] - val;
    }

    private int add(double si, double vi) {
        int i;
        if (freeList >= 0) {
            i = freeList;
            freeList = next[i];
        } else {
            if (used == s.length) {
                grow();
            }
            i = used++;
        }
        s[i] = si;
        v[i] = vi;
        alive[i] = true;
        size++;
        return i;
    }

    private void release(int i) {
        alive[i] = false;
        next[i] = freeList;
        freeList = i;
        size--;
    }

    private void link(int from, int to, int label) {
        next[from] = to;
        prev[to] = from;
        edge[from] = label;
    }

    private void grow() {
        int n = 2 * s.length;
        s = java.util.Arrays.copyOf(s, n);
        v = java.util.Arrays.copyOf(v, n);
        next = java.util.Arrays.copyOf(next, n);
        prev = java.util.Arrays.copyOf(prev, n);
        edge = java.util.Arrays.copyOf(edge, n);
        alive = java.util.Arrays.copyOf(alive, n);
    }
}
