package dev.sparsest.model;

import java.util.Arrays;

/** Sorts knots and merges neurons that share a knot; drops knots whose slope change is zero. */
final class KnotMerger {
    private KnotMerger() {
    }

    /** Returns {sorted distinct knots, summed slope changes}, zero slope changes dropped. */
    static double[][] mergeEqual(double[] knots, double[] slopeChanges) {
        int n = knots.length;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = knots[i - 1] < knots[i];
        }
        double[] u;
        double[] c;
        if (sorted) {
            u = knots.clone();
            c = slopeChanges.clone();
        } else {
            Integer[] idx = new Integer[n]; // construction only, not a hot loop
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (p, q) -> Double.compare(knots[p] == 0.0 ? 0.0 : knots[p], knots[q] == 0.0 ? 0.0 : knots[q]));
            u = new double[n];
            c = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = knots[idx[i]];
                c[i] = slopeChanges[idx[i]];
            }
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && u[m - 1] == u[i]) {
                c[m - 1] += c[i];
            } else {
                u[m] = u[i] == 0.0 ? 0.0 : u[i];
                c[m] = c[i];
                m++;
            }
        }
        int kept = 0;
        for (int i = 0; i < m; i++) {
            if (c[i] != 0.0) {
                u[kept] = u[i];
                c[kept] = c[i];
                kept++;
            }
        }
        return new double[][] {Arrays.copyOf(u, kept), Arrays.copyOf(c, kept)};
    }
}
