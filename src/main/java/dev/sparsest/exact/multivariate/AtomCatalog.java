package dev.sparsest.exact.multivariate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every neuron shape ({@link Atom}) of the data: for each nonempty support, the cells of the
 * arrangement of the rows projected onto it (closed cells cover every neuron with that support),
 * with both output signs. Sorted by cost, so a search can stop at the first shape too expensive.
 * Shapes that contribute nothing are left out: the all-inactive pattern, and in the affine model
 * the all-active one (a linear function, which the free affine part already is).
 */
final class AtomCatalog {
    /** Supports are bits of an int. */
    static final int MAX_COORDINATES = 30;

    private AtomCatalog() {
    }

    /**
     * @param rows    [x_i; 1] per row (scaled), all of one length m
     * @param affine  whether the model has a free affine part
     * @param maxAtoms stop with an error beyond this many shapes
     */
    static List<Atom> of(double[][] rows, boolean affine, int maxAtoms) {
        int n = rows.length;
        int m = rows[0].length;
        if (m > MAX_COORDINATES) {
            throw new OracleTooLargeException("the exact l0 search takes at most " + (MAX_COORDINATES - 1)
                    + " input columns, found " + (m - 1));
        }
        long allRows = n == 64 ? -1L : (1L << n) - 1;
        List<Atom> atoms = new ArrayList<>();
        for (int support = 1; support < 1 << m; support++) {
            for (long pattern : patterns(rows, support)) {
                if (pattern == 0 || affine && pattern == allRows) {
                    continue;
                }
                atoms.add(new Atom(support, pattern, 1));
                atoms.add(new Atom(support, pattern, -1));
                if (atoms.size() > maxAtoms) {
                    throw new OracleTooLargeException("these " + n + " points in " + (m - 1) + " dimensions have more than "
                            + maxAtoms + " neuron shapes (support, activation pattern, sign); the exact l0 search stops there");
                }
            }
        }
        atoms.sort(Comparator.comparingInt((Atom a) -> a.cost).thenComparingInt(a -> a.support)
                .thenComparingLong(a -> a.pattern).thenComparingInt(a -> -a.sign));
        return atoms;
    }

    /** The distinct activation patterns of neurons whose products vanish outside the support. */
    static Set<Long> patterns(double[][] rows, int support) {
        int k = Integer.bitCount(support);
        List<double[]> projected = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            projected.add(project(row, support, k));
        }
        Set<Long> patterns = new LinkedHashSet<>();
        for (double[] cell : CentralArrangement.cells(projected, k)) {
            long bits = 0;
            for (int i = 0; i < rows.length; i++) {
                if (CentralArrangement.dot(projected.get(i), cell) > 0) {
                    bits |= 1L << i;
                }
            }
            patterns.add(bits);
        }
        return patterns;
    }

    /** The row's entries on the support, in coordinate order. */
    static double[] project(double[] row, int support, int k) {
        double[] p = new double[k];
        int t = 0;
        for (int c = 0; c < row.length; c++) {
            if ((support >>> c & 1) != 0) {
                p[t++] = row[c];
            }
        }
        return p;
    }
}
