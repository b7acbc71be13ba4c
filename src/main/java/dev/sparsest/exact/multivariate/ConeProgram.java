package dev.sparsest.exact.multivariate;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.List;

/**
 * The one place {@link ShapeFeasibility} needs an LP solver (ojAlgo): a point deepest inside the
 * shapes' cones among solutions with several free directions. Its own class so that a feasibility
 * check without linear programs never loads ojAlgo, an optional dependency.
 */
final class ConeProgram {
    /** The cone constraint of a shape at a row on the shape's own parameters (see ShapeFeasibility). */
    interface ConeRows {
        /** Writes g into {@code g[0..a.cost)} and returns sum |g|. */
        double row(Atom a, int i, double[] g);
    }

    private ConeProgram() {
    }

    /**
     * x0 + Z theta maximizing the least slack of the cone constraints (each row normalized), the
     * slack capped at 1; null when that slack is negative beyond rounding.
     */
    static double[] deepestInCones(List<Atom> shapes, double[] x0, double[][] z, ConeRows cones, int n, int m) {
        int q = z.length;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] theta = new Variable[q];
        for (int f = 0; f < q; f++) {
            theta[f] = model.addVariable("t" + f);
        }
        Variable slack = model.addVariable("s").upper(1).weight(1);
        int offset = 0;
        double[] g = new double[m];
        for (int k = 0; k < shapes.size(); k++) {
            Atom a = shapes.get(k);
            for (int i = 0; i < n; i++) {
                double norm = cones.row(a, i, g);
                double fixed = 0;
                double[] coefficient = new double[q];
                for (int t = 0; t < a.cost; t++) {
                    fixed += g[t] * x0[offset + t];
                    for (int f = 0; f < q; f++) {
                        coefficient[f] += g[t] * z[f][offset + t];
                    }
                }
                if (norm == 0) {
                    continue; // the row is 0 on this support: no constraint
                }
                // g . (x0 + Z theta) >= slack * norm
                Expression e = model.addExpression("c" + k + "_" + i).lower(-fixed);
                for (int f = 0; f < q; f++) {
                    e.set(theta[f], coefficient[f]);
                }
                e.set(slack, -norm);
            }
            offset += a.cost;
        }
        Optimisation.Result result = model.maximise();
        if (!result.getState().isFeasible() || slack.getValue() == null) {
            return null;
        }
        double[] x = x0.clone();
        for (int f = 0; f < q; f++) {
            double t = theta[f].getValue().doubleValue();
            for (int j = 0; j < x.length; j++) {
                x[j] += t * z[f][j];
            }
        }
        return x;
    }
}
