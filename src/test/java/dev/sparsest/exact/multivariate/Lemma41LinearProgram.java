package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An independent route to the l1 optimum: Lemma 4.1's problem written out over the enumerated
 * patterns, n_j and m_j split into positive and negative parts, solved by ojAlgo's LP. Its
 * answer is validated (feasibility recomputed here) before it is trusted.
 */
final class Lemma41LinearProgram {
    private Lemma41LinearProgram() {
    }

    static double l1Optimum(MultivariateDataset data) {
        int n = data.size();
        int m = data.dimension() + 1;
        long[] patterns = ActivationPatterns.of(data);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = ActivationPatterns.row(data, i);
        }
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        // v[j][s][c]: pattern j, s = 0..3 for n+, n-, m+, m-, coordinate c
        Variable[][][] v = new Variable[patterns.length][4][m];
        for (int j = 0; j < patterns.length; j++) {
            for (int s = 0; s < 4; s++) {
                for (int c = 0; c < m; c++) {
                    v[j][s][c] = model.addVariable("v" + j + "_" + s + "_" + c).lower(0).weight(1);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Expression fit = model.addExpression("fit" + i).level(data.y(i));
            for (int j = 0; j < patterns.length; j++) {
                boolean active = (patterns[j] >> i & 1) != 0;
                for (int s = 0; s < 4; s++) {
                    double sign = (s == 0 || s == 3) ? 1 : -1; // n+ - n- - (m+ - m-)
                    for (int c = 0; c < m; c++) {
                        if (active) {
                            fit.set(v[j][s][c], sign * x[i][c]);
                        }
                    }
                }
                for (int which = 0; which < 2; which++) { // (2 D_ii - 1) x_i . n_j >= 0, same for m_j
                    Expression side = model.addExpression("side" + i + "_" + j + "_" + which).lower(0);
                    double orient = active ? 1 : -1;
                    for (int c = 0; c < m; c++) {
                        side.set(v[j][2 * which][c], orient * x[i][c]);
                        side.set(v[j][2 * which + 1][c], -orient * x[i][c]);
                    }
                }
            }
        }
        Optimisation.Result r = model.minimise();
        if (!r.getState().isFeasible()) {
            throw new AssertionError("ojAlgo reports " + r.getState() + " for a problem that is always feasible");
        }
        // validate: recompute the outputs from the solution
        double worst = 0;
        double cost = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < patterns.length; j++) {
                if ((patterns[j] >> i & 1) == 0) {
                    continue;
                }
                for (int s = 0; s < 4; s++) {
                    double sign = (s == 0 || s == 3) ? 1 : -1;
                    for (int c = 0; c < m; c++) {
                        f += sign * x[i][c] * v[j][s][c].getValue().doubleValue();
                    }
                }
            }
            worst = Math.max(worst, Math.abs(f - data.y(i)));
        }
        for (Variable[][] pattern : v) {
            for (Variable[] part : pattern) {
                for (Variable c : part) {
                    cost += c.getValue().doubleValue();
                }
            }
        }
        if (worst > 1e-6) {
            throw new AssertionError("ojAlgo's solution misses a target by " + worst);
        }
        return cost;
    }
}
