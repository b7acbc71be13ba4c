package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An independent formulation of the l0 problem: a MILP over every full activation pattern and
 * output sign (one neuron each suffices: same-pattern neurons merge), a binary per product
 * switching it on through |u| &lt;= M z, solved by ojAlgo's branch and bound. The box M is the
 * weakness every big-M model has, so the data are scaled to max |x_c| = max |y| = 1 first and a
 * solution touching the box is reported instead of trusted.
 */
final class L0MixedIntegerProgram {
    /** The box on products in scaled units. */
    static final double BOX = 1e3;

    private L0MixedIntegerProgram() {
    }

    /** ojAlgo's time limit per MILP: its branch and bound takes half a minute at 4 points in space. */
    static final long TIME_LIMIT_MS = 5_000;

    /**
     * The fewest nonzero neuron products; -1 when the answer is not trusted (the solution touches
     * the box, or ojAlgo stopped at its time limit).
     */
    static int l0(MultivariateDataset data, boolean affine) {
        int n = data.size();
        int d = data.dimension();
        int m = d + 1;
        double[][] x = new double[n][m];
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < n; i++) {
                scale[c] = Math.max(scale[c], Math.abs(data.x(i, c)));
            }
            scale[c] = scale[c] > 0 ? scale[c] : 1;
        }
        double yScale = 0;
        for (int i = 0; i < n; i++) {
            yScale = Math.max(yScale, Math.abs(data.y(i)));
        }
        yScale = yScale > 0 ? yScale : 1;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                x[i][c] = data.x(i, c) / scale[c];
            }
            x[i][d] = 1;
        }
        long[] patterns = ActivationPatterns.of(data);
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[][][] u = new Variable[patterns.length][2][m];
        Expression[] fit = new Expression[n];
        for (int i = 0; i < n; i++) {
            fit[i] = model.addExpression("fit" + i).level(data.y(i) / yScale);
        }
        for (int j = 0; j < patterns.length; j++) {
            for (int s = 0; s < 2; s++) {
                double sign = s == 0 ? 1 : -1;
                for (int c = 0; c < m; c++) {
                    u[j][s][c] = model.addVariable("u" + j + "_" + s + "_" + c).lower(-BOX).upper(BOX);
                    Variable z = model.addVariable("z" + j + "_" + s + "_" + c).binary().weight(1);
                    model.addExpression("up" + j + "_" + s + "_" + c).upper(0).set(u[j][s][c], 1).set(z, -BOX);
                    model.addExpression("down" + j + "_" + s + "_" + c).lower(0).set(u[j][s][c], 1).set(z, BOX);
                }
                for (int i = 0; i < n; i++) {
                    boolean active = (patterns[j] >> i & 1) != 0;
                    Expression side = model.addExpression("side" + j + "_" + s + "_" + i).lower(0);
                    for (int c = 0; c < m; c++) {
                        side.set(u[j][s][c], active ? x[i][c] : -x[i][c]);
                        if (active) {
                            fit[i].set(u[j][s][c], sign * x[i][c]);
                        }
                    }
                }
            }
        }
        if (affine) {
            for (int c = 0; c < m; c++) {
                Variable t = model.addVariable("t" + c);
                for (int i = 0; i < n; i++) {
                    fit[i].set(t, x[i][c]);
                }
            }
        }
        model.options.time_abort = TIME_LIMIT_MS;
        long begin = System.nanoTime();
        Optimisation.Result result = model.minimise();
        if ((System.nanoTime() - begin) / 1_000_000 >= TIME_LIMIT_MS * 9 / 10) {
            return -1; // near the time limit ojAlgo may report its incumbent as optimal (seen on a loaded CI machine)
        }
        if (!result.getState().isOptimal()) {
            // stopped by the time limit, or INFEASIBLE: every instance has an interpolant, but its
            // products may lie outside the box (nearly dependent Gaussian rows), or ojAlgo failed
            return -1;
        }
        int count = 0;
        for (Variable[][] pattern : u) {
            for (Variable[] neuron : pattern) {
                for (Variable c : neuron) {
                    double v = Math.abs(c.getValue().doubleValue());
                    if (v >= 0.99 * BOX) {
                        return -1;
                    }
                    count += v > 1e-9 ? 1 : 0;
                }
            }
        }
        return count;
    }
}
