package dev.sparsest.noisy;

import dev.sparsest.data.NoisyData;

import java.util.ArrayList;
import java.util.List;

/**
 * The fewest knots in a tube by the project's first tube solver: a dynamic program over sets of
 * lines, Phi_m(j+1) = (Phi_m(j) &cap; U_{j+1}) &cup; New(Phi_{m-1}(j)), each level kept as a
 * list of convex polygons (up to three new ones per point). It was checked against the LP brute
 * force when it was the solver; it shares nothing with the window solver but {@link LineSet}, so
 * it checks the window solver's counts at sizes the brute force cannot reach. O(N x polygons
 * alive): test use only. Same scaling and widening as {@link TubeSolver}.
 */
final class TubeUnionReference {
    private TubeUnionReference() {
    }

    private record Piece(LineSet lines) {
    }

    static int fewestKnots(NoisyData data) {
        UnivariateScaling sc = new UnivariateScaling(data);
        int n = data.size();
        double[] x = new double[n];
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = sc.x(data.x(i));
            if (i > 0) {
                minGap = Math.min(minGap, x[i] - x[i - 1]);
            }
        }
        double maxSlope = TubeSolver.slopeBound(minGap);
        double widen = TubeSolver.widening(maxSlope);
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = sc.y(data.lower(i)) - widen;
            hi[i] = sc.y(data.upper(i)) + widen;
        }
        List<Piece> level = List.of(new Piece(LineSet.box(x[0], maxSlope, lo[0], hi[0])));
        List<Piece> next = List.of();
        int pieces = 1;
        for (int j = 0; j + 1 < n; j++) {
            List<Piece> kept = clip(level, x[j + 1], lo[j + 1], hi[j + 1]);
            List<Piece> nextKept = withoutContained(clip(next, x[j + 1], lo[j + 1], hi[j + 1]));
            List<Piece> fresh = fresh(level, x[j], x[j + 1], maxSlope, lo[j + 1], hi[j + 1]);
            if (!kept.isEmpty()) {
                nextKept.addAll(fresh);
                level = kept;
                next = nextKept;
            } else {
                pieces++;
                List<Piece> after = fresh(next, x[j], x[j + 1], maxSlope, lo[j + 1], hi[j + 1]);
                nextKept.addAll(fresh);
                level = nextKept;
                next = after;
            }
            if (level.isEmpty()) {
                throw new IllegalStateException("reference: no feasible line at x = " + data.x(j + 1));
            }
        }
        return pieces - 1;
    }

    /** Drops pieces inside a neighbour within six places (they add no line). */
    private static List<Piece> withoutContained(List<Piece> set) {
        int n = set.size();
        boolean[] drop = new boolean[n];
        for (int a = 0; a < n; a++) {
            for (int b = Math.max(0, a - 6); b <= Math.min(n - 1, a + 6) && !drop[a]; b++) {
                drop[a] = b != a && !drop[b] && contains(set.get(b).lines, set.get(a).lines)
                        && (b < a || !contains(set.get(a).lines, set.get(b).lines));
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

    /**
     * Whether every line of {@code other} is in {@code set}: each vertex of the other polygon on the
     * inner side of every edge of the set (convex polygons in the (slope, value) plane, values
     * compared at the set's origin; inside within 1e-12 of the edge's scale, so a
     * piece equal to the set up to rounding counts as inside).
     */
    static boolean contains(LineSet set, LineSet other) {
        double[] s = set.s;
        double[] v = set.v;
        double origin = set.origin;
        int m = s.length;
        if (m < 3 || other.s.length == 0) {
            return other.s.length == 0;
        }
        double area = 0; // orientation of this polygon
        for (int i = 0; i < m; i++) {
            int k = (i + 1) % m;
            area += s[i] * v[k] - s[k] * v[i];
        }
        double orient = Math.signum(area);
        if (orient == 0) {
            return false;
        }
        for (int q = 0; q < other.s.length; q++) {
            double ps = other.s[q];
            double pv = other.v[q] + other.s[q] * (origin - other.origin);
            for (int i = 0; i < m; i++) {
                int k = (i + 1) % m;
                double ds = s[k] - s[i];
                double dv = v[k] - v[i];
                double cross = ds * (pv - v[i]) - dv * (ps - s[i]);
                double scale = Math.abs(ds) * (Math.abs(pv) + Math.abs(v[i])) + Math.abs(dv) * (Math.abs(ps) + Math.abs(s[i]));
                if (orient * cross < -1e-12 * scale) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Piece> clip(List<Piece> set, double x, double lo, double hi) {
        List<Piece> out = new ArrayList<>(set.size() + 3);
        for (Piece p : set) {
            LineSet c = p.lines.clipBetween(x, lo, hi);
            if (!c.isEmpty()) {
                out.add(new Piece(c));
            }
        }
        return out;
    }

    /**
     * New(S): lines through the tube at x1 crossing a line of S in [x0, x1], i.e. not above S's
     * band at both ends and not below it at both ends. Up to three convex pieces.
     */
    private static List<Piece> fresh(List<Piece> set, double x0, double x1, double maxSlope, double lo, double hi) {
        List<Piece> out = new ArrayList<>(3);
        if (set.isEmpty()) {
            return out;
        }
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
        LineSet base = LineSet.box(x1, maxSlope, lo, hi);
        addIfAny(out, base.clipBetween(x1, bMin, bMax));
        addIfAny(out, base.clipValue(x1, bMax, false).clipValue(x0, aMax, true));
        addIfAny(out, base.clipValue(x1, bMin, true).clipValue(x0, aMin, false));
        return out;
    }

    private static void addIfAny(List<Piece> out, LineSet lines) {
        if (!lines.isEmpty()) {
            out.add(new Piece(lines));
        }
    }
}
