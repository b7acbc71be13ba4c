package dev.sparsest.exact.multivariate;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells (open full-dimensional regions) of a central hyperplane arrangement in R^m, each
 * given by a witness point strictly inside it. Built incrementally: adding hyperplane H splits
 * exactly the cells that H cuts, and those are the cells of the arrangement restricted to H, one
 * dimension lower (found recursively). Nothing random, no linear programs.
 */
final class CentralArrangement {
    /** Normals shorter than this (relative) are treated as zero; parallel normals as the same hyperplane. */
    private static final double ZERO = 1e-12;

    private CentralArrangement() {
    }

    /** Witness points, one strictly inside each cell of the arrangement of the normals' hyperplanes in R^m. */
    static List<double[]> cells(List<double[]> normals, int m) {
        List<double[]> witnesses = new ArrayList<>();
        witnesses.add(unit(m, 0)); // no hyperplanes yet: one cell, the whole space
        List<double[]> added = new ArrayList<>();
        for (double[] h : normals) {
            if (negligible(h) || parallelToAny(h, added)) {
                continue;
            }
            witnesses = add(witnesses, added, h, m);
            added.add(h);
        }
        return witnesses;
    }

    private static List<double[]> add(List<double[]> witnesses, List<double[]> added, double[] h, int m) {
        List<double[]> next = new ArrayList<>();
        if (m == 1) { // a point (the origin) splits the line into two rays
            next.add(new double[] {1});
            next.add(new double[] {-1});
            return next;
        }
        double[][] basis = orthonormalComplement(h, m);
        List<double[]> projected = new ArrayList<>();
        for (double[] n : added) {
            projected.add(multiply(basis, n));
        }
        List<double[]> cut = new ArrayList<>(); // witnesses in H of the cells H cuts
        for (double[] omega : cells(projected, m - 1)) {
            cut.add(lift(basis, omega, m));
        }
        boolean[] split = new boolean[witnesses.size()];
        for (double[] w : cut) {
            int parent = cellContaining(w, witnesses, added);
            split[parent] = true;
            double step = stepInsideCell(w, h, added);
            next.add(normalize(axpy(w, step, h)));
            next.add(normalize(axpy(w, -step, h)));
        }
        for (int c = 0; c < witnesses.size(); c++) {
            if (!split[c]) {
                next.add(witnesses.get(c));
            }
        }
        return next;
    }

    /** The cell whose witness is on the same side as w of every hyperplane added so far. */
    private static int cellContaining(double[] w, List<double[]> witnesses, List<double[]> added) {
        for (int c = 0; c < witnesses.size(); c++) {
            boolean same = true;
            for (int k = 0; k < added.size() && same; k++) {
                same = dot(added.get(k), w) > 0 == dot(added.get(k), witnesses.get(c)) > 0;
            }
            if (same) {
                return c;
            }
        }
        throw new ArithmeticException("a cut cell has no parent: the arrangement is too degenerate for doubles");
    }

    /** Half the distance (along h) from w to the nearest other hyperplane, so w +- step h stays in w's cell. */
    private static double stepInsideCell(double[] w, double[] h, List<double[]> added) {
        double step = 1;
        for (double[] n : added) {
            double along = Math.abs(dot(n, h));
            if (along > 0) {
                step = Math.min(step, 0.5 * Math.abs(dot(n, w)) / along);
            }
        }
        return step;
    }

    private static boolean negligible(double[] h) {
        return norm(h) == 0;
    }

    private static boolean parallelToAny(double[] h, List<double[]> added) {
        for (double[] n : added) {
            double c = dot(h, n) / (norm(h) * norm(n));
            if (Math.abs(Math.abs(c) - 1) <= ZERO) {
                return true;
            }
        }
        return false;
    }

    /** Rows: an orthonormal basis of the hyperplane h . x = 0 (Gram-Schmidt on the unit vectors). */
    private static double[][] orthonormalComplement(double[] h, int m) {
        List<double[]> basis = new ArrayList<>();
        basis.add(normalize(h.clone()));
        for (int e = 0; e < m && basis.size() < m; e++) {
            double[] v = unit(m, e);
            for (int pass = 0; pass < 2; pass++) { // twice: orthogonal to working precision
                for (double[] b : basis) {
                    v = axpy(v, -dot(v, b), b);
                }
            }
            if (norm(v) > 1e-6) {
                basis.add(normalize(v));
            }
        }
        return basis.subList(1, m).toArray(new double[0][]);
    }

    private static double[] multiply(double[][] rows, double[] v) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = dot(rows[i], v);
        }
        return out;
    }

    private static double[] lift(double[][] basis, double[] omega, int m) {
        double[] w = new double[m];
        for (int i = 0; i < basis.length; i++) {
            w = axpy(w, omega[i], basis[i]);
        }
        return normalize(w);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] normalize(double[] a) {
        double n = norm(a);
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
        return a;
    }

    private static double[] axpy(double[] y, double a, double[] x) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += a * x[i];
        }
        return out;
    }

    private static double[] unit(int m, int e) {
        double[] u = new double[m];
        u[e] = 1;
        return u;
    }
}
