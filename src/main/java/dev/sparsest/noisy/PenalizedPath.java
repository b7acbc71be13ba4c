package dev.sparsest.noisy;

import dev.sparsest.linalg.Tridiagonal;

/**
 * The exact solution path of min_z 1/2 sum_i w_i (z_i - y_i)^2 + lambda * sum_i |a_i(z)| over
 * lambda, a_i = s_i - s_{i-1} the discrete curvature of z (a generalized lasso with D the
 * second-divided-difference operator; homotopy as in Tibshirani and Taylor, "The solution path of
 * the generalized lasso", 2011, but solved in the primal).
 *
 * <p>On each segment of the path the boundary set B (points where the dual variable nu_i sits at
 * +-lambda, i.e. where the fit may bend) and its signs are fixed, and the fit is the CPWL function
 * with knots only at B that minimizes 1/2 ||z - y||_W^2 + lambda s_B^T D_B z: a tridiagonal system
 * in the values at the anchors {first point} + B + {last point} (hat-function basis; well
 * conditioned, unlike the dual's D W^-1 D^T, whose condition grows as N^4). The fit and the dual
 * nu_i = sum_{j<i} w_j (y_j - z_j)(x_i - x_j) (the second antiderivative of the residual, from
 * D^T nu = W (y - z)) are affine in lambda on the segment, so the next event is found in closed
 * form: an interior |nu_i| reaching lambda (a new bend) or a boundary curvature reaching zero (a
 * bend leaving). Each segment costs O(N); the path from lambda_max to lambda costs O(N) per event.
 *
 * <p>Works in scaled units ({@link UnivariateScaling}). Not thread-safe: one instance per solve.
 */
final class PenalizedPath {
    /** Events this close (relative) to the current lambda are the ones just applied. */
    private static final double SAME_EVENT = 1e-11;
    /** Events this close (relative) to the next one happen together. */
    private static final double TIED_EVENTS = 1e-9;
    /** lambda_max below this times N (scaled units: y within [-1, 1], x in [0, 1]) is rounding noise. */
    private static final double COLLINEAR = 1e-13;
    /**
     * A bend just entered whose curvature has the wrong sign now and reaches zero only this far
     * (relative) below lambda did not belong: its curvature stays wrong for a real stretch.
     */
    private static final double WRONG_WAY = 1e-4;
    /** Ties up to this size are resolved by trying their subsets (2^size segment solves). */
    private static final int MAX_TIES_TRIED = 10;

    final int n;
    final double[] x;
    final double[] y;
    final double[] w;
    /** 0 for interior points, +-1 for boundary points (bends of that sign). Ends are never boundary. */
    final byte[] sign;
    double lambda;
    private int events;
    private boolean started;
    private double cachedNext = Double.NaN;

    // the current segment, affine in lambda: value = part0 + lambda * part1
    private int[] anchors;
    private int anchorCount;
    private double[] theta0;
    private double[] theta1;
    final double[] z0;
    final double[] z1;
    private final double[] nu0;
    private final double[] nu1;
    private double[] diag;
    private double[] off;
    private final int[] leavers;
    /** The lambda at which each point last entered or left: no immediate second change there (rounding ping-pong). */
    private final double[] changedAt;
    /** The sign each point had when it last left the boundary. */
    private final byte[] leftWith;
    private final byte[] toggles;
    private final int[] tied;

    PenalizedPath(double[] x, double[] y, double[] w) {
        this.n = x.length;
        this.x = x;
        this.y = y;
        this.w = w;
        this.sign = new byte[n];
        this.z0 = new double[n];
        this.z1 = new double[n];
        this.nu0 = new double[n];
        this.nu1 = new double[n];
        this.anchors = new int[n];
        this.theta0 = new double[n];
        this.theta1 = new double[n];
        this.diag = new double[n];
        this.off = new double[n];
        this.leavers = new int[n];
        this.changedAt = new double[n];
        this.leftWith = new byte[n];
        this.toggles = new byte[n];
        this.tied = new int[MAX_TIES_TRIED + 1];
        java.util.Arrays.fill(changedAt, Double.NaN);
        segment();
        double start = 0;
        for (int i = 1; i + 1 < n; i++) {
            start = Math.max(start, Math.abs(nu0[i]));
        }
        // collinear within rounding (the residual of the line is rounding noise): no bend at any lambda
        lambda = start > COLLINEAR * n ? start : 0;
    }

    /** lambda_max: at and above it the fit is the weighted least-squares line. */
    double lambdaMax() {
        return lambda;
    }

    boolean started() {
        return started;
    }

    int events() {
        return events;
    }

    /**
     * Moves to the next event below the current lambda, but not below {@code floor}. Returns false
     * (and sets lambda = floor) when the segment reaches the floor first.
     */
    boolean advance(double floor) {
        if (!started) {
            started = true;
            if (lambda <= floor) {
                lambda = floor;
                return false;
            }
            for (int i = 1; i + 1 < n; i++) { // the first bends enter at lambda_max itself
                if (Math.abs(nu0[i]) >= lambda * (1 - TIED_EVENTS)) {
                    sign[i] = (byte) (nu0[i] > 0 ? 1 : -1);
                    changedAt[i] = lambda;
                }
            }
            events++;
            segment();
            undoInconsistentChanges();
            return true;
        }
        double next = Math.min(nextEvent(), lambda);
        if (next <= floor) {
            lambda = floor;
            return false;
        }
        apply(next);
        lambda = next;
        events++;
        if (events > 50L * n + 1000) {
            throw new ArithmeticException("the lambda path did not terminate after " + events
                    + " events: the data are too ill-conditioned for the homotopy");
        }
        segment();
        undoInconsistentChanges();
        return true;
    }

    /**
     * Tied events (exact data: integer values on a grid; clustered x at the flat top of nu) can
     * over-commit: a point whose nu_i reaches lambda together with another's may not need to bend
     * once the other does. After the changes at this lambda, a new bend must grow in its own sign
     * from zero as lambda decreases, and a point that left must move inside (s nu_i - lambda
     * increasing in lambda). The first change violating that is undone and the segment solved
     * again; the undone point keeps changedAt = lambda, so the root it sits on is not an event
     * again. When undoing goes round in circles (removing a bend pushes its neighbour out, adding
     * it back bends it the wrong way), the subsets of the tied points are tried instead.
     */
    private void undoInconsistentChanges() {
        java.util.Arrays.fill(toggles, (byte) 0);
        for (int round = 0; round < n; round++) {
            int undo = firstInconsistent();
            if (undo < 0) {
                return;
            }
            if (++toggles[undo] > 1) {
                chooseConsistentSubsetOfTies();
                return;
            }
            toggle(undo);
            segment();
        }
    }

    /** A point changed at this lambda whose change is inconsistent with the current segment, or -1. */
    private int firstInconsistent() {
        for (int j = 1; j + 1 < anchorCount; j++) {
            if (changedAt[anchors[j]] == lambda && !growsFromZeroNow(j)) {
                return anchors[j];
            }
        }
        for (int i = 1; i + 1 < n; i++) {
            if (sign[i] == 0 && changedAt[i] == lambda && leftWith[i] * nu1[i] < 1 - TIED_EVENTS) {
                return i;
            }
        }
        return -1;
    }

    private void toggle(int i) {
        if (sign[i] != 0) {
            leftWith[i] = sign[i];
            sign[i] = 0;
        } else {
            sign[i] = leftWith[i];
        }
    }

    /**
     * Tries the subsets of the points changed at this lambda (from all of them down, in binary
     * order) and keeps the first consistent one; with more than {@link #MAX_TIES_TRIED} tied points, or none
     * consistent, the greedy state stays (the fit is still a minimizer for the signs chosen, the
     * path may bend a rounding error late).
     */
    private void chooseConsistentSubsetOfTies() {
        int t = 0;
        for (int i = 1; i + 1 < n && t <= MAX_TIES_TRIED; i++) {
            if (changedAt[i] == lambda) {
                if (sign[i] != 0) {
                    leftWith[i] = sign[i];
                }
                tied[t++] = i;
            }
        }
        if (t > MAX_TIES_TRIED) {
            return;
        }
        int greedy = 0;
        for (int k = 0; k < t; k++) {
            greedy |= sign[tied[k]] != 0 ? 1 << k : 0;
        }
        for (int mask = (1 << t) - 1; mask >= 0; mask--) {
            for (int k = 0; k < t; k++) {
                sign[tied[k]] = (mask & (1 << k)) != 0 ? leftWith[tied[k]] : 0;
            }
            segment();
            if (firstInconsistent() < 0) {
                return;
            }
        }
        for (int k = 0; k < t; k++) {
            sign[tied[k]] = (greedy & (1 << k)) != 0 ? leftWith[tied[k]] : 0;
        }
        segment();
    }

    /**
     * Whether the bend at anchor j, just entered, is consistent: its curvature grows in its sign
     * as lambda decreases and crosses zero here (within a tie), not below. Two bends entering
     * together 1e-7 apart (a tie at the top of nu, where nu is flat) can solve to curvatures of
     * opposite signs at this lambda: the one of the wrong sign enters later, if at all.
     */
    private boolean growsFromZeroNow(int j) {
        int s = sign[anchors[j]];
        double c1 = curvature(theta1, j);
        if (s * c1 > 0) {
            return false;
        }
        double now = curvature(theta0, j) + lambda * c1;
        return s * now >= 0 || Math.abs(now) <= WRONG_WAY * lambda * Math.abs(c1);
    }

    /** Fitted value at point i for the current lambda. */
    double fitted(int i) {
        return z0[i] + lambda * z1[i];
    }

    /** Fitted value at point i for another lambda on the current segment. */
    double fittedAt(int i, double at) {
        return z0[i] + at * z1[i];
    }

    /** Where the current segment ends below (0 when it reaches lambda = 0); lambda_max before the first advance. */
    double segmentEnd() {
        return started ? Math.min(nextEvent(), lambda) : lambda;
    }

    /** Whether the fit bends anywhere at the current lambda (false on the least-squares line). */
    boolean hasBends() {
        for (int i = 1; i + 1 < n; i++) {
            if (sign[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** The next event below lambda, computed once per segment (the path asks twice: to report and to move). */
    private double nextEvent() {
        if (Double.isNaN(cachedNext)) {
            cachedNext = computeNextEvent();
        }
        return cachedNext;
    }

    private double computeNextEvent() {
        double limit = lambda * (1 - SAME_EVENT);
        double best = 0;
        for (int i = 1; i + 1 < n; i++) {
            if (sign[i] == 0) {
                best = Math.max(best, hitTime(i, limit));
            }
        }
        for (int j = 1; j + 1 < anchorCount; j++) {
            best = Math.max(best, leaveTime(j, limit));
        }
        return best;
    }

    /**
     * Largest lambda in (0, limit) where nu_i = +-lambda, or 0; lambda itself when the point
     * must enter now: it overshot within rounding at the last event, or it sits on the boundary
     * and moves out as lambda decreases (a tie the last event did not see). A point that left
     * with sign s at this lambda has nu_i - s lambda affine with its only root here, so that root
     * (found again a rounding error lower on clustered x) is not an event.
     */
    private double hitTime(int i, double limit) {
        boolean justLeft = changedAt[i] == lambda;
        double now = nu0[i] + lambda * nu1[i];
        if (Math.abs(now) > lambda * (1 + TIED_EVENTS) && !justLeft) {
            return lambda;
        }
        double up = rootOrNow(nu0[i] / (1 - nu1[i]), nu1[i] < 1, limit, justLeft && leftWith[i] > 0);     // nu = +lambda
        double down = rootOrNow(-nu0[i] / (1 + nu1[i]), nu1[i] > -1, limit, justLeft && leftWith[i] < 0); // nu = -lambda
        return Math.max(up, down);
    }

    /**
     * Largest lambda in (0, limit) where the curvature at anchor j (a boundary point) reaches 0
     * from its sign, or 0; lambda itself when it must leave now (its curvature is at zero or past
     * it within rounding and shrinks as lambda decreases). A bend that entered at this lambda has
     * curvature affine in lambda with its only root here: it does not leave on this segment.
     */
    private double leaveTime(int j, double limit) {
        int b = anchors[j];
        if (changedAt[b] == lambda) {
            return 0;
        }
        double c0 = curvature(theta0, j);
        double c1 = curvature(theta1, j);
        boolean shrinks = sign[b] * c1 > 0;
        if (shrinks && sign[b] * (c0 + lambda * c1) <= 0) {
            return lambda; // crossed zero within rounding at the last event
        }
        return rootOrNow(-c0 / c1, shrinks, limit, false);
    }

    /**
     * A root t of a crossing as an event time: t itself inside (0, limit); the current lambda when
     * t is the current lambda within rounding and the crossing happens as lambda decreases
     * ({@code outward}); otherwise none (0).
     */
    private double rootOrNow(double t, boolean outward, double limit, boolean excluded) {
        if (excluded || !(t > 0)) {
            return 0;
        }
        if (t < limit) {
            return t;
        }
        return outward && t <= lambda * (1 + TIED_EVENTS) ? lambda : 0;
    }

    private void apply(double next) {
        double limit = lambda * (1 - SAME_EVENT);
        double tie = next * (1 - TIED_EVENTS);
        int leaving = 0;
        for (int j = 1; j + 1 < anchorCount; j++) {
            if (leaveTime(j, limit) >= tie) {
                leavers[leaving++] = anchors[j];
            }
        }
        for (int i = 1; i + 1 < n; i++) {
            if (sign[i] == 0 && hitTime(i, limit) >= tie) {
                // the sign nu_i takes at the event
                sign[i] = (byte) (nu0[i] + next * nu1[i] > 0 ? 1 : -1);
                changedAt[i] = next;
            }
        }
        for (int k = 0; k < leaving; k++) {
            leftWith[leavers[k]] = sign[leavers[k]];
            sign[leavers[k]] = 0;
            changedAt[leavers[k]] = next;
        }
    }

    private double curvature(double[] theta, int j) {
        double right = (theta[j + 1] - theta[j]) / (x[anchors[j + 1]] - x[anchors[j]]);
        double left = (theta[j] - theta[j - 1]) / (x[anchors[j]] - x[anchors[j - 1]]);
        return right - left;
    }

    /** Solves the current segment: anchor values, fitted values and dual variables, each as part0 + lambda * part1. */
    private void segment() {
        cachedNext = Double.NaN;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || i == n - 1 || sign[i] != 0) {
                anchors[m++] = i;
            }
        }
        anchorCount = m;
        java.util.Arrays.fill(diag, 0, m, 0);
        java.util.Arrays.fill(off, 0, m, 0);
        java.util.Arrays.fill(theta0, 0, m, 0);
        java.util.Arrays.fill(theta1, 0, m, 0);
        // Gram matrix and right-hand side of the hat basis on the anchors
        for (int j = 0; j + 1 < m; j++) {
            int a = anchors[j];
            int b = anchors[j + 1];
            double span = x[b] - x[a];
            for (int k = a; k < b; k++) {
                double t = (x[k] - x[a]) / span;
                double wk = w[k];
                diag[j] += wk * (1 - t) * (1 - t);
                diag[j + 1] += wk * t * t;
                off[j] += wk * t * (1 - t);
                theta0[j] += wk * (1 - t) * y[k];
                theta0[j + 1] += wk * t * y[k];
            }
        }
        diag[m - 1] += w[n - 1];
        theta0[m - 1] += w[n - 1] * y[n - 1];
        // -Phi^T D_B^T s_B: each bend's kink functional on the three hats that bend there
        for (int j = 1; j + 1 < m; j++) {
            int s = sign[anchors[j]];
            double left = 1 / (x[anchors[j]] - x[anchors[j - 1]]);
            double right = 1 / (x[anchors[j + 1]] - x[anchors[j]]);
            theta1[j - 1] -= s * left;
            theta1[j] += s * (left + right);
            theta1[j + 1] -= s * right;
        }
        Tridiagonal.solve(m, diag, off, theta0, theta1);
        for (int j = 0; j + 1 < m; j++) {
            int a = anchors[j];
            int b = anchors[j + 1];
            double span = x[b] - x[a];
            for (int k = a; k < b; k++) {
                double t = (x[k] - x[a]) / span;
                z0[k] = theta0[j] + t * (theta0[j + 1] - theta0[j]);
                z1[k] = theta1[j] + t * (theta1[j + 1] - theta1[j]);
            }
        }
        z0[n - 1] = theta0[m - 1];
        z1[n - 1] = theta1[m - 1];
        dual(z0, y, nu0);
        dual(z1, null, nu1);
    }

    /** nu_i = sum_{j<i} r_j (x_i - x_j) with r = W (y - z), or r = -W z when y is null. */
    private void dual(double[] z, double[] yy, double[] nu) {
        double sum = 0;
        double moment = 0;
        for (int i = 0; i < n; i++) {
            nu[i] = x[i] * sum - moment;
            double r = w[i] * ((yy == null ? 0 : yy[i]) - z[i]);
            sum += r;
            moment += r * x[i];
        }
    }
}
