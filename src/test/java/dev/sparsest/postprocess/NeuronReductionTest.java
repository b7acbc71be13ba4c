package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeuronReductionTest {

    /** A random network of 8 neurons and the data it produces at 2..5 random points in 1..3 dimensions. */
    private record Case(MultivariateNetwork f, MultivariateDataset data, double p) {
    }

    @Test
    void reductionKeepsTheOutputsWithAtMostNNeuronsAndNoMoreCost() {
        Prop.forAll("neuron reduction: outputs kept, <= N neurons, cost not up", r -> {
            int d = 1 + r.nextInt(3);
            int n = 2 + r.nextInt(4);
            int k = 8;
            double[][] x = new double[n][d];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < d; t++) {
                    x[i][t] = r.nextGaussian();
                }
            }
            double[] w = new double[k * (d + 1)];
            double[] v = new double[k];
            for (int j = 0; j < k; j++) {
                for (int t = 0; t <= d; t++) {
                    w[j * (d + 1) + t] = r.nextInt(3) == 0 ? 0 : r.nextGaussian(); // some exact zeros
                }
                v[j] = r.nextGaussian();
            }
            MultivariateNetwork f = new MultivariateNetwork(w, v, d);
            double[] y = new double[n];
            double[] flat = new double[n * d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, flat, i * d, d);
            }
            for (int i = 0; i < n; i++) {
                y[i] = f.evaluate(flat, i * d);
            }
            return new Case(f, MultivariateDataset.of(x, y), 0.2 + 0.8 * r.nextDouble());
        }).tries(300).check(c -> {
            MultivariateNetwork g = NeuronReduction.reduce(c.f(), c.data(), c.p());
            int n = c.data().size();
            int d = c.data().dimension();
            double scale = 1;
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, Math.abs(c.data().y(i)));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(c.data().y(i), g.evaluate(c.data().inputs(), i * d), 1e-9 * scale, "output at point " + i);
            }
            assertTrue(g.activeNeurons(0) <= n, g.activeNeurons(0) + " neurons for " + n + " points");
            assertTrue(g.pathNorm(c.p()) <= c.f().pathNorm(c.p()) * (1 + 1e-9), "l^p cost went up");
            assertTrue(g.nonzeroParameters(1e-12 * scale) <= c.f().nonzeroParameters(0), "more nonzero parameters");
        });
    }
}
