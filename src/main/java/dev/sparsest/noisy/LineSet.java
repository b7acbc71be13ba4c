package dev.sparsest.noisy;

/**
 * A convex polygon of lines y = c + s x, as its vertices in the (s, c) plane. Immutable: clipping
 * returns a new polygon. Points of a polygon that is a segment or a single point (exact
 * interpolation constraints) survive clipping within a rounding tolerance.
 */
final class LineSet {
    /** Relative slack of the inside test: a few ulps of the terms of c + s x. */
    private static final double SLACK = 1e-12;
    static final LineSet EMPTY = new LineSet(new double[0], new double[0]);

    final double[] s;
    final double[] c;

    LineSet(double[] s, double[] c) {
        this.s = s;
        this.c = c;
    }

    /** The box |s| <= maxSlope, |c| <= maxValue. */
    static LineSet box(double maxSlope, double maxValue) {
        return new LineSet(new double[] {-maxSlope, maxSlope, maxSlope, -maxSlope},
                new double[] {-maxValue, -maxValue, maxValue, maxValue});
    }

    boolean isEmpty() {
        return s.length == 0;
    }

    /** Lines with value at x at most v (upper = true) or at least v. */
    LineSet clipValue(double x, double v, boolean upper) {
        double sign = upper ? 1 : -1;
        return clip(sign * x, sign, sign * v);
    }

    /** Lines with lo <= c + s x <= hi. */
    LineSet clipBetween(double x, double lo, double hi) {
        return clipValue(x, hi, true).clipValue(x, lo, false);
    }

    /** Lines with a s + b c <= d (Sutherland-Hodgman against one half-plane). */
    LineSet clip(double a, double b, double d) {
        int m = s.length;
        if (m == 0) {
            return this;
        }
        double[] f = new double[m];
        boolean allIn = true;
        boolean allOut = true;
        for (int i = 0; i < m; i++) {
            double as = a * s[i];
            double bc = b * c[i];
            double v = as + bc - d;
            double tol = SLACK * (Math.abs(as) + Math.abs(bc) + Math.abs(d));
            f[i] = v <= tol ? Math.min(v, 0) : v; // within the slack counts as on the line
            allIn &= f[i] <= 0;
            allOut &= f[i] > 0;
        }
        if (allIn) {
            return this;
        }
        if (allOut) {
            return EMPTY;
        }
        double[] ns = new double[m + 2];
        double[] nc = new double[m + 2];
        int k = 0;
        for (int i = 0; i < m; i++) {
            int j = i + 1 == m ? 0 : i + 1;
            if (f[i] <= 0) {
                ns[k] = s[i];
                nc[k] = c[i];
                k++;
            }
            if ((f[i] < 0 && f[j] > 0) || (f[i] > 0 && f[j] < 0)) {
                double t = f[i] / (f[i] - f[j]);
                ns[k] = s[i] + t * (s[j] - s[i]);
                nc[k] = c[i] + t * (c[j] - c[i]);
                k++;
            }
        }
        return new LineSet(java.util.Arrays.copyOf(ns, k), java.util.Arrays.copyOf(nc, k));
    }

    double min(double x) {
        double v = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            v = Math.min(v, c[i] + s[i] * x);
        }
        return v;
    }

    double max(double x) {
        double v = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            v = Math.max(v, c[i] + s[i] * x);
        }
        return v;
    }

    /** The mean of the vertices: a line inside the set (a deterministic choice). */
    double[] centre() {
        double ms = 0;
        double mc = 0;
        for (int i = 0; i < s.length; i++) {
            ms += s[i];
            mc += c[i];
        }
        return new double[] {ms / s.length, mc / s.length};
    }
}
