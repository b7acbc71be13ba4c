package dev.sparsest.exact.multivariate;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * A first upper bound for the l0 search: the exact sparsest 1-D interpolant of y against one input
 * column, or against a generic direction (the chord path), written as d-D neurons that read only
 * that column (or direction). A hinge
 * c relu(t - k) costs 2 products (1 when k = 0); the 1-D skip term is free in the affine model
 * and costs 1 product for the intercept and 1 or 2 for the slope in the paper's model.
 */
final class AxisFit {
    /** Neurons (products in the units of {@code rows}) and the affine part (d + 1 numbers, or none). */
    record Fit(List<Neuron> neurons, double[] affine) {
    }

    private AxisFit() {
    }

    /**
     * The fit along t = direction . x (a hinge then costs d + 1 products: a generic direction
     * separates rows no single column does), or null when two rows share t with different targets.
     */
    static Fit along(double[][] rows, double[] y, double[] direction, boolean affine) {
        int n = rows.length;
        int m = rows[0].length;
        double[] t = new double[n];
        boolean nonnegative = true;
        boolean nonpositive = true;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m - 1; c++) {
                t[i] += direction[c] * rows[i][c];
            }
            nonnegative &= t[i] >= 0;
            nonpositive &= t[i] <= 0;
        }
        UnivariateNetwork f;
        try {
            f = new ChordPathSolver().solve(UnivariateDataset.of(t, y), Penalty.l0()).network();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null; // repeated values with different targets, or too few distinct ones
        }
        List<Neuron> neurons = new ArrayList<>();
        double[] knots = f.knots();
        double[] changes = f.slopeChanges();
        for (int j = 0; j < knots.length; j++) {
            double[] u = along(direction, m, Math.abs(changes[j]));
            u[m - 1] = -Math.abs(changes[j]) * knots[j];
            neurons.add(new Neuron((int) Math.signum(changes[j]), u));
        }
        double slope = f.slope();
        double intercept = f.intercept();
        double[] skip = new double[affine ? m : 0];
        if (affine) {
            for (int c = 0; c < m - 1; c++) {
                skip[c] = slope * direction[c];
            }
            skip[m - 1] = intercept;
        } else {
            int sign = slope > 0 ? 1 : -1;
            if (slope != 0 && !nonpositive) { // s relu(t): all of s t when every t >= 0
                neurons.add(new Neuron(sign, along(direction, m, Math.abs(slope))));
            }
            if (slope != 0 && !nonnegative) { // -s relu(-t): the rest of s t
                neurons.add(new Neuron(-sign, along(direction, m, -Math.abs(slope))));
            }
            if (intercept != 0) { // a constant neuron: sign(b) relu(|b|)
                neurons.add(new Neuron(intercept > 0 ? 1 : -1, axis(m, m - 1, Math.abs(intercept))));
            }
        }
        return new Fit(neurons, skip);
    }

    /** scale * direction, bias 0. */
    private static double[] along(double[] direction, int m, double scale) {
        double[] u = new double[m];
        for (int c = 0; c < m - 1; c++) {
            u[c] = scale * direction[c];
        }
        return u;
    }

    private static double[] axis(int m, int c, double value) {
        double[] u = new double[m];
        u[c] = value;
        return u;
    }
}
