package dev.sparsest.exact.multivariate;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.ArrayList;
import java.util.List;

/**
 * An upper bound for the l0 search from reweighted l1 (Candes, Wakin and Boyd; the paper's
 * Algorithm 1 in LP form): Lemma 4.1's problem over every full activation pattern and sign,
 * minimizing sum w_c |u_c| with w = 1 / (|u_prev| + eps) a few times. The products it leaves
 * nonzero are read as neuron shapes, which the search's own feasibility check then thins greedily
 * (a product, then a neuron, dropped while the rest still interpolates). A heuristic: it proves
 * nothing, gives up past its time share, and is not tried on LPs above {@link #MAX_CONSTRAINTS}.
 */
final class ReweightedLinearProgram {
    /** Reweighting rounds. */
    static final int ROUNDS = 4;
    /** eps of the weights, relative to the largest product of the previous round. */
    static final double EPS = 1e-2;
    /**
     * The largest LP (cone constraints) tried: 20 points in the plane (15 280) take a few seconds
     * per round; 15 points in space (28 200) took minutes, past any time limit.
     */
    static final long MAX_CONSTRAINTS = 16_000;
    /** Products below this times the largest are zero when shapes are read off. */
    static final double ZERO = 1e-7;

    private ReweightedLinearProgram() {
    }

    /**
     * Shape sets that interpolate, one per round that gave one (the thinnest first is not
     * guaranteed); empty when none did or the deadline passed.
     */
    static List<List<Atom>> shapeSets(double[][] rows, double[] y, boolean affine, ShapeFeasibility feasibility, long deadline) {
        int n = rows.length;
        int m = rows[0].length;
        long all = (1L << n) - 1;
        List<Long> patterns = new ArrayList<>();
        for (long p : AtomCatalog.patterns(rows, (1 << m) - 1)) {
            if (p != 0 && !(affine && p == all)) {
                patterns.add(p);
            }
        }
        int cells = patterns.size();
        if ((long) cells * 2 * n > MAX_CONSTRAINTS) {
            return List.of(); // ojAlgo's simplex does not heed a time limit inside one factorization: too big to start
        }
        double[][][] weight = new double[cells][2][m];
        for (double[][] w : weight) {
            for (double[] ws : w) {
                java.util.Arrays.fill(ws, 1);
            }
        }
        List<List<Atom>> sets = new ArrayList<>();
        for (int round = 0; round < ROUNDS && System.nanoTime() - deadline < 0; round++) {
            double[][][] u = solve(rows, y, affine, patterns, weight, deadline);
            if (u == null) {
                break;
            }
            double big = 0;
            for (double[][] us : u) {
                for (double[] v : us) {
                    for (double c : v) {
                        big = Math.max(big, Math.abs(c));
                    }
                }
            }
            if (big == 0) { // y = 0 (or affine in the affine model): nothing to reweight
                sets.add(List.of());
                break;
            }
            List<Atom> shapes = new ArrayList<>();
            for (int j = 0; j < cells; j++) {
                for (int s = 0; s < 2; s++) {
                    int support = 0;
                    for (int c = 0; c < m; c++) {
                        if (Math.abs(u[j][s][c]) > ZERO * big) {
                            support |= 1 << c;
                        }
                        weight[j][s][c] = 1 / (Math.abs(u[j][s][c]) + EPS * big);
                    }
                    if (support != 0) {
                        shapes.add(new Atom(support, patterns.get(j), s == 0 ? 1 : -1));
                    }
                }
            }
            List<Atom> thinned = thin(shapes, feasibility, deadline);
            if (thinned != null) {
                sets.add(thinned);
            }
        }
        return sets;
    }

    /** Drops products, then whole neurons, while the rest still interpolates; null when the set does not interpolate to begin with. */
    static List<Atom> thin(List<Atom> shapes, ShapeFeasibility feasibility, long deadline) {
        if (feasibility.solve(shapes) == null) {
            return null;
        }
        List<Atom> current = new ArrayList<>(shapes);
        current.sort((a, b) -> b.cost - a.cost);
        for (int k = 0; k < current.size(); k++) {
            for (int c = 0; c < 31 && System.nanoTime() - deadline < 0; c++) {
                Atom a = current.get(k);
                if ((a.support >>> c & 1) == 0) {
                    continue;
                }
                int smaller = a.support & ~(1 << c);
                List<Atom> trial = new ArrayList<>(current);
                if (smaller == 0) {
                    trial.remove(k);
                } else {
                    trial.set(k, new Atom(smaller, a.pattern, a.sign));
                }
                if (feasibility.solve(trial) != null) {
                    current = trial;
                    if (smaller == 0) {
                        k--;
                        break;
                    }
                }
            }
        }
        return current;
    }

    /** One weighted-l1 LP, given up (null) at the deadline: at 20 points in the plane one takes tens of seconds. */
    private static double[][][] solve(double[][] rows, double[] y, boolean affine, List<Long> patterns, double[][][] weight,
                                      long deadline) {
        long millis = (deadline - System.nanoTime()) / 1_000_000;
        if (millis <= 0) {
            return null;
        }
        int n = rows.length;
        int m = rows[0].length;
        int cells = patterns.size();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[][][] plus = new Variable[cells][2][m];
        Variable[][][] minus = new Variable[cells][2][m];
        Expression[] fit = new Expression[n];
        for (int i = 0; i < n; i++) {
            fit[i] = model.addExpression("fit" + i).level(y[i]);
        }
        for (int j = 0; j < cells; j++) {
            if (System.nanoTime() - deadline > 0) {
                return null; // building the model alone can outlast the deadline (2 320 patterns at 20 points in space)
            }
            long pattern = patterns.get(j);
            for (int s = 0; s < 2; s++) {
                double sign = s == 0 ? 1 : -1;
                for (int c = 0; c < m; c++) {
                    plus[j][s][c] = model.addVariable().lower(0).weight(weight[j][s][c]);
                    minus[j][s][c] = model.addVariable().lower(0).weight(weight[j][s][c]);
                }
                for (int i = 0; i < n; i++) {
                    boolean active = (pattern >>> i & 1) != 0;
                    Expression side = model.addExpression().lower(0);
                    for (int c = 0; c < m; c++) {
                        double g = active ? rows[i][c] : -rows[i][c];
                        side.set(plus[j][s][c], g).set(minus[j][s][c], -g);
                        if (active) {
                            fit[i].set(plus[j][s][c], sign * rows[i][c]).set(minus[j][s][c], -sign * rows[i][c]);
                        }
                    }
                }
            }
        }
        if (affine) {
            for (int c = 0; c < m; c++) {
                Variable t = model.addVariable();
                for (int i = 0; i < n; i++) {
                    fit[i].set(t, rows[i][c]);
                }
            }
        }
        model.options.time_abort = millis;
        Optimisation.Result result = model.minimise();
        if (!result.getState().isOptimal() || System.nanoTime() - deadline > 0) {
            return null; // stopped by the deadline (or not solved): no trustworthy weights
        }
        double[][][] u = new double[cells][2][m];
        for (int j = 0; j < cells; j++) {
            for (int s = 0; s < 2; s++) {
                for (int c = 0; c < m; c++) {
                    u[j][s][c] = plus[j][s][c].getValue().doubleValue() - minus[j][s][c].getValue().doubleValue();
                }
            }
        }
        return u;
    }
}
