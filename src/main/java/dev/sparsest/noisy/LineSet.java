package dev.sparsest.noisy;

/**
 * A convex polygon of lines, as its vertices in the (s, v) plane: the line through (origin, v)
 * with slope s, i.e. y = v + s (x - origin). The origin is a data point near where the set is
 * used, so that values at nearby points are sums of O(1) terms even when the slopes are steep
 * (clustered x): with a fixed origin the intercepts grow like slope x span and the tests cancel.
 * Immutable: clipping returns a new polygon. Points of a polygon that is a segment or a single
 * point (exact interpolation constraints) survive clipping within a rounding tolerance.
 */
final class LineSet {
    /** Relative slack of the inside test: a few ulps of the terms of v + s (x - origin). */
    private static final double SLACK = 1e-12;

    final double origin;
    final double[] s;
    final double[] v;

    LineSet(double origin, double[] s, double[] v) {
        this.origin = origin;
        this.s = s;
        this.v = v;
    }

    /** The lines with |s| <= maxSlope and lo <= value at origin <= hi. */
    static LineSet box(double origin, double maxSlope, double lo, double hi) {
        return new LineSet(origin, new double[] {-maxSlope, maxSlope, maxSlope, -maxSlope}, new double[] {lo, lo, hi, hi});
    }

    boolean isEmpty() {
        return s.length == 0;
    }

    /** Lines with value at x at most y (upper = true) or at least y. */
    LineSet clipValue(double x, double y, boolean upper) {
        double sign = upper ? 1 : -1;
        return clip(sign * (x - origin), sign, sign * y);
    }

    /** Lines with lo <= value at x <= hi. */
    LineSet clipBetween(double x, double lo, double hi) {
        return clipValue(x, hi, true).clipValue(x, lo, false);
    }

    /** Lines with a s + b v <= d (Sutherland-Hodgman against one half-plane). */
    private LineSet clip(double a, double b, double d) {
        int m = s.length;
        boolean allIn = true;
        boolean allOut = true;
        for (int i = 0; i < m; i++) { // a first pass without allocating: most clips change nothing
            boolean in = excess(a, b, d, i) <= 0;
            allIn &= in;
            allOut &= !in;
        }
        if (allIn) {
            return this;
        }
        if (allOut) {
            return empty();
        }
        double[] f = new double[m];
        for (int i = 0; i < m; i++) {
            f[i] = excess(a, b, d, i);
        }
        // a convex polygon crosses the line at most twice, but a thin one's vertices are rounding
        // noise and can cross it more often (fuzz finding, monotone tubes): room for every crossing
        double[] ns = new double[2 * m];
        double[] nv = new double[2 * m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            int j = i + 1 == m ? 0 : i + 1;
            if (f[i] <= 0) {
                ns[k] = s[i];
                nv[k] = v[i];
                k++;
            }
            if ((f[i] < 0 && f[j] > 0) || (f[i] > 0 && f[j] < 0)) {
                double t = f[i] / (f[i] - f[j]);
                ns[k] = s[i] + t * (s[j] - s[i]);
                nv[k] = v[i] + t * (v[j] - v[i]);
                k++;
            }
        }
        return new LineSet(origin, java.util.Arrays.copyOf(ns, k), java.util.Arrays.copyOf(nv, k));
    }

    /** a s_i + b v_i - d for vertex i; within the slack of its terms' rounding counts as 0 (on the line). */
    private double excess(double a, double b, double d, int i) {
        double as = a * s[i];
        double bv = b * v[i];
        double g = as + bv - d;
        return g <= SLACK * (Math.abs(as) + Math.abs(bv) + Math.abs(d)) ? Math.min(g, 0) : g;
    }

    private LineSet empty() {
        return new LineSet(origin, new double[0], new double[0]);
    }

    double min(double x) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            m = Math.min(m, v[i] + s[i] * (x - origin));
        }
        return m;
    }

    double max(double x) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            m = Math.max(m, v[i] + s[i] * (x - origin));
        }
        return m;
    }

    /**
     * The line of the set with slope nearest {@code target}: the slope clamped into the set's
     * range, then the middle of the set's values at the origin for that slope. Returns
     * {slope, value at origin}.
     */
    double[] nearestSlope(double target) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double si : s) {
            lo = Math.min(lo, si);
            hi = Math.max(hi, si);
        }
        double slope = Math.min(Math.max(target, lo), hi);
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            int j = i + 1 == s.length ? 0 : i + 1;
            if (s[i] == slope) {
                vMin = Math.min(vMin, v[i]);
                vMax = Math.max(vMax, v[i]);
            }
            if ((s[i] < slope && slope < s[j]) || (s[j] < slope && slope < s[i])) {
                double t = (slope - s[i]) / (s[j] - s[i]);
                double vi = v[i] + t * (v[j] - v[i]);
                vMin = Math.min(vMin, vi);
                vMax = Math.max(vMax, vi);
            }
        }
        return new double[] {slope, 0.5 * (vMin + vMax)};
    }

    /** The mean of the vertices (slope, value at the origin): a line inside the set, a deterministic choice. */
    double[] centre() {
        double ms = 0;
        double mv = 0;
        for (int i = 0; i < s.length; i++) {
            ms += s[i];
            mv += v[i];
        }
        return new double[] {ms / s.length, mv / s.length};
    }
}
