package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;

import java.util.Arrays;

/**
 * The d-D counterpart of the 1-D knot completion: a trained network that does not interpolate
 * small data gets neurons added, one at a time, each the candidate whose least-squares refit of
 * the output weights leaves the least error, until it interpolates or {@link #MAX_ADDED} were
 * added. A candidate is a hyperplane through one data point (it is zero there) with the
 * direction of an existing neuron or of a coordinate axis, in either orientation. The later
 * steps of the polish (refinement, neuron reduction, purification) take away what is not needed.
 * Up to {@link #MAX_POINTS} points.
 */
final class InterpolationCompletion {
    static final int MAX_POINTS = 50;
    static final int MAX_ADDED = 4;

    private InterpolationCompletion() {
    }

    static MultivariateNetwork complete(MultivariateNetwork f, MultivariateDataset data, double floor) {
        int n = data.size();
        if (n > MAX_POINTS || OutputRefit.mse(f, data) <= floor) {
            return f;
        }
        MultivariateNetwork current = f;
        for (int added = 0; added < MAX_ADDED && OutputRefit.mse(current, data) > floor; added++) {
            MultivariateNetwork best = null;
            double bestMse = OutputRefit.mse(current, data);
            for (double[] row : candidates(current, data)) {
                MultivariateNetwork trial = OutputRefit.refit(withNeuron(current, row), data);
                double mse = OutputRefit.mse(trial, data);
                if (mse < bestMse) {
                    best = trial;
                    bestMse = mse;
                }
            }
            if (best == null) {
                break; // no candidate helps (or the refit has more unknowns than points)
            }
            current = best;
        }
        return current;
    }

    /** Rows (w, b) with w . x_i + b = 0 at one data point, w a neuron's or an axis direction, both signs. */
    private static double[][] candidates(MultivariateNetwork f, MultivariateDataset data) {
        int d = f.dimension();
        int m = d + 1;
        double[] w = f.weights();
        int directions = f.width() + d;
        double[][] out = new double[2 * directions * data.size()][];
        int c = 0;
        for (int s = 0; s < directions; s++) {
            double[] dir = new double[d];
            if (s < f.width()) {
                System.arraycopy(w, s * m, dir, 0, d);
            } else {
                dir[s - f.width()] = 1;
            }
            for (int i = 0; i < data.size(); i++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] row = new double[m];
                    double b = 0;
                    for (int t = 0; t < d; t++) {
                        row[t] = sign * dir[t];
                        b -= row[t] * data.x(i, t);
                    }
                    row[d] = b;
                    out[c++] = row;
                }
            }
        }
        return Arrays.copyOf(out, c);
    }

    private static MultivariateNetwork withNeuron(MultivariateNetwork f, double[] row) {
        int m = f.dimension() + 1;
        double[] w = Arrays.copyOf(f.weights(), (f.width() + 1) * m);
        System.arraycopy(row, 0, w, f.width() * m, m);
        double[] v = Arrays.copyOf(f.outputWeights(), f.width() + 1);
        return f.withNeurons(w, v);
    }
}
