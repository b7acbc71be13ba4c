package dev.sparsest.model;

import java.util.Locale;

/**
 * A shape a 1-D fit may be asked to keep: monotone (non-decreasing, non-increasing), convex or
 * concave, or none. A continuous piecewise-linear function is non-decreasing when every piece's
 * slope is at least 0 (the two unbounded ones included), convex when every slope change is at
 * least 0. Judged with a tolerance of {@link #RELATIVE_TOLERANCE} times the largest slope
 * magnitude of the function (slopes are sums of slope changes, rounded).
 */
public enum Shape {
    ANY, NON_DECREASING, NON_INCREASING, CONVEX, CONCAVE;

    /** Slopes (slope changes) below zero by at most this times the largest |slope| still count as zero. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /** The shape named on a command line: increasing, decreasing, convex, concave (or none). */
    public static Shape parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "none": return ANY;
            case "increasing": case "non-decreasing": return NON_DECREASING;
            case "decreasing": case "non-increasing": return NON_INCREASING;
            case "convex": return CONVEX;
            case "concave": return CONCAVE;
            default:
                throw new IllegalArgumentException("a shape is increasing, decreasing, convex or concave (or none), found '" + name + "'");
        }
    }

    /** The name {@link #parse} reads. */
    public String label() {
        switch (this) {
            case NON_DECREASING: return "increasing";
            case NON_INCREASING: return "decreasing";
            case CONVEX: return "convex";
            case CONCAVE: return "concave";
            default: return "none";
        }
    }

    public boolean monotone() {
        return this == NON_DECREASING || this == NON_INCREASING;
    }

    /** Where {@code f} breaks the shape, in words (a piece's slope or a knot's slope change), or null when it keeps it. */
    public String violation(UnivariateNetwork f) {
        if (this == ANY) {
            return null;
        }
        double[] knots = f.knots();
        double[] changes = f.slopeChanges();
        double slope = f.slope();
        double largest = Math.abs(slope);
        double running = slope;
        for (double c : changes) {
            running += c;
            largest = Math.max(largest, Math.abs(running));
        }
        double allowed = RELATIVE_TOLERANCE * largest;
        double sign = this == NON_DECREASING || this == CONVEX ? 1 : -1;
        if (monotone()) {
            if (sign * slope < -allowed) {
                return String.format(Locale.ROOT, "slope %s left of %s", slope, knots.length == 0 ? "every point" : "x = " + knots[0]);
            }
            running = slope;
            for (int k = 0; k < knots.length; k++) {
                running += changes[k];
                if (sign * running < -allowed) {
                    return String.format(Locale.ROOT, "slope %s right of x = %s", running, knots[k]);
                }
            }
            return null;
        }
        for (int k = 0; k < knots.length; k++) {
            if (sign * changes[k] < -allowed) {
                return String.format(Locale.ROOT, "slope change %s at x = %s", changes[k], knots[k]);
            }
        }
        return null;
    }
}
