package dev.sparsest.exact.multivariate;

import dev.sparsest.linalg.AffineSolutions;

import java.util.List;

/**
 * Whether a set of neuron shapes can interpolate: products u_k on each shape's support with
 * sum_k s_k D_k X u_k (+ X t in the affine model) = y, each u_k inside its pattern's closed cone.
 * The equations are solved first (most shape sets fail there: y is outside their span); when
 * their solution is unique the cones are checked directly, with one free direction exactly along
 * the line, otherwise an LP ({@link ConeProgram}, ojAlgo) looks for the solution deepest inside
 * the cones. Without linear programs ({@link #withoutLinearPrograms}) that last case tries only the
 * basic solution (free unknowns zero): an answer may be missed, never a wrong one given. Works in the search's scaled units (entries of X and y
 * at most 1 in magnitude), where the tolerances below are stated.
 */
final class ShapeFeasibility {
    /** Pivots below this times the largest entry are zero: the shapes' columns are dependent. */
    static final double RANK_TOLERANCE = 1e-10;
    /** Equations missing y by more than this (relative to max |y|) are inconsistent. */
    static final double RESIDUAL_TOLERANCE = 1e-9;
    /** A cone constraint x_i . u may be violated by this much relative to |x_i|_1 max |u|: rounding. */
    static final double CONE_TOLERANCE = 1e-9;

    private final double[][] rows;
    private final double[] y;
    private final boolean affine;
    private final int n;
    private final int m;
    private final boolean linearProgramsAllowed;
    long linearPrograms;
    /** Sets decided so far: a measure of work that does not depend on the clock. */
    long solves;

    ShapeFeasibility(double[][] rows, double[] y, boolean affine) {
        this(rows, y, affine, true);
    }

    private ShapeFeasibility(double[][] rows, double[] y, boolean affine, boolean linearProgramsAllowed) {
        this.rows = rows;
        this.y = y;
        this.affine = affine;
        this.n = rows.length;
        this.m = rows[0].length;
        this.linearProgramsAllowed = linearProgramsAllowed;
    }

    /** Needs no LP solver on the class path, and its answers depend on nothing but the data. */
    static ShapeFeasibility withoutLinearPrograms(double[][] rows, double[] y, boolean affine) {
        return new ShapeFeasibility(rows, y, affine, false);
    }

    /**
     * The products, one row of m per shape (zeros off its support), then the affine part (m
     * numbers, or none) as a last row; null when the shapes cannot interpolate.
     */
    double[][] solve(List<Atom> shapes) {
        solves++;
        int cols = 0;
        for (Atom a : shapes) {
            cols += a.cost;
        }
        int unknowns = cols + (affine ? m : 0);
        double[][] system = new double[n][unknowns];
        for (int i = 0; i < n; i++) {
            int j = 0;
            for (Atom a : shapes) {
                for (int c = 0; c < m; c++) {
                    if ((a.support >>> c & 1) != 0) {
                        system[i][j++] = a.active(i) ? a.sign * rows[i][c] : 0;
                    }
                }
            }
            if (affine) {
                System.arraycopy(rows[i], 0, system[i], j, m);
            }
        }
        AffineSolutions solutions = AffineSolutions.of(system, unknowns, y, RANK_TOLERANCE, RESIDUAL_TOLERANCE);
        if (solutions == null) {
            return null;
        }
        double[] x = solutions.particular();
        if (solutions.freedom() == 1) {
            x = alongTheLine(shapes, x, solutions.nullBasis()[0]);
        } else if (solutions.freedom() > 1 && linearProgramsAllowed) {
            linearPrograms++;
            x = ConeProgram.deepestInCones(shapes, x, solutions.nullBasis(), this::coneRow, n, m);
        }
        if (x == null) {
            return null;
        }
        double[][] products = unpack(shapes, x);
        return insideCones(shapes, products) ? products : null;
    }

    private double[][] unpack(List<Atom> shapes, double[] x) {
        double[][] out = new double[shapes.size() + (affine ? 1 : 0)][m];
        int j = 0;
        for (int k = 0; k < shapes.size(); k++) {
            for (int c = 0; c < m; c++) {
                if ((shapes.get(k).support >>> c & 1) != 0) {
                    out[k][c] = x[j++];
                }
            }
        }
        if (affine) {
            System.arraycopy(x, j, out[shapes.size()], 0, m);
        }
        return out;
    }

    private boolean insideCones(List<Atom> shapes, double[][] products) {
        for (int k = 0; k < shapes.size(); k++) {
            Atom a = shapes.get(k);
            double[] u = products[k];
            double big = 0;
            for (double v : u) {
                big = Math.max(big, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                double dot = 0;
                double scale = 0;
                for (int c = 0; c < m; c++) {
                    dot += rows[i][c] * u[c];
                    scale += (a.support >>> c & 1) != 0 ? Math.abs(rows[i][c]) : 0;
                }
                double side = a.active(i) ? dot : -dot;
                if (side < -CONE_TOLERANCE * scale * big) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * One free direction: each cone constraint g . (x0 + theta z) &gt;= 0 bounds theta on one side
     * (or holds for all theta, or for none), so the feasible thetas are an interval, decided
     * exactly without a linear program; its middle (or a unit past its finite end) is returned.
     */
    private double[] alongTheLine(List<Atom> shapes, double[] x0, double[] z) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        double big = 0;
        for (double v : x0) {
            big = Math.max(big, Math.abs(v));
        }
        int offset = 0;
        double[] g = new double[m];
        for (Atom a : shapes) {
            for (int i = 0; i < n; i++) {
                double norm = coneRow(a, i, g);
                double fixed = 0;
                double slope = 0;
                for (int t = 0; t < a.cost; t++) {
                    fixed += g[t] * x0[offset + t];
                    slope += g[t] * z[offset + t];
                }
                double allowed = CONE_TOLERANCE * norm * (big + 1);
                if (Math.abs(slope) <= RANK_TOLERANCE * norm) {
                    if (fixed < -allowed) {
                        return null; // violated whatever theta is
                    }
                } else if (slope > 0) {
                    low = Math.max(low, -fixed / slope);
                } else {
                    high = Math.min(high, -fixed / slope);
                }
            }
            offset += a.cost;
        }
        if (low > high + RESIDUAL_TOLERANCE * (1 + Math.abs(low) + Math.abs(high))) {
            return null; // a touching pair (one feasible theta, rounded apart) goes on to the tolerant cone check
        }
        double theta = Double.isInfinite(low) && Double.isInfinite(high) ? 0
                : Double.isInfinite(low) ? high - 1 : Double.isInfinite(high) ? low + 1 : 0.5 * (low + high);
        double[] x = x0.clone();
        for (int j = 0; j < x.length; j++) {
            x[j] += theta * z[j];
        }
        return x;
    }

    /**
     * The cone constraint of shape {@code a} at point i on the shape's own parameters,
     * g . u &gt;= 0 with g the row of point i on the support, negated where the neuron is
     * inactive there: writes g into {@code g[0..a.cost)} and returns sum |g|.
     */
    private double coneRow(Atom a, int i, double[] g) {
        double norm = 0;
        int t = 0;
        for (int c = 0; c < m; c++) {
            if ((a.support >>> c & 1) != 0) {
                double entry = a.active(i) ? rows[i][c] : -rows[i][c];
                norm += Math.abs(entry);
                g[t++] = entry;
            }
        }
        return norm;
    }
}
