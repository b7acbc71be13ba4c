package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VertexPurificationTest {

    /** {@code length} values uniform in [-1, 1), drawn in order. */
    private static double[] uniform(SplittableRandom r, int length) {
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }

    private static double cost(MultivariateNetwork f, double p) {
        double s = 0;
        int m = f.dimension() + 1;
        for (int j = 0; j < f.width(); j++) {
            for (int t = 0; t < m; t++) {
                s += Math.pow(Math.abs(f.outputWeights()[j] * f.weights()[j * m + t]), p);
            }
        }
        return s;
    }

    /**
     * Random dense networks on random data, both models: the purified network has no more
     * parameters, no larger l^p cost, the same outputs at the data (1e-9 relative to the outputs'
     * scale: a few eliminations' rounding), and at most as many nonzero coordinates as there are
     * constraints at its vertex; a dense network on few points always loses parameters.
     */
    @Test
    void theOutputsStayTheCostDoesNotGrowAndTheSupportShrinks() {
        SplittableRandom r = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + r.nextInt(3);
            int n = 2 + r.nextInt(5);
            int k = 1 + r.nextInt(4);
            double[][] x = new double[n][d];
            for (double[] row : x) {
                for (int t = 0; t < d; t++) {
                    row[t] = r.nextDouble() * 2 - 1;
                }
            }
            MultivariateDataset data = MultivariateDataset.samples(x, new double[n]);
            double[] w = uniform(r, k * (d + 1));
            double[] v = uniform(r, k);
            double[] a = uniform(r, d + 1);
            MultivariateNetwork f = r.nextBoolean() ? new MultivariateNetwork(w, v, d) : new MultivariateNetwork(w, v, a, d);
            MultivariateNetwork g = VertexPurification.purify(f, data, 0.5);
            assertTrue(g.nonzeroParameters(0) <= f.nonzeroParameters(0), "trial " + trial);
            assertTrue(cost(g, 0.5) <= cost(f, 0.5) * (1 + 1e-12) + 1e-300, "trial " + trial + ": " + cost(g, 0.5) + " > " + cost(f, 0.5));
            double scale = 1e-300;
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, Math.abs(f.evaluate(data.inputs(), i * d)));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(f.evaluate(data.inputs(), i * d), g.evaluate(data.inputs(), i * d), 1e-9 * scale, "trial " + trial + " row " + i);
            }
            // at most n output rows and k n held pre-activations constrain a vertex
            if (f.nonzeroParameters(0) > n + k * n) {
                assertTrue(g.nonzeroParameters(0) < f.nonzeroParameters(0), "trial " + trial + ": more coordinates than constraints");
            }
        }
    }

    /**
     * Two points of opposite sign in 1-D: the trained network (a kink between them plus a
     * weight-only neuron, 3 parameters) is a vertex of its own pattern; crossing the zero
     * pre-activation at the second point reaches the optimum's pattern (a constant neuron plus a
     * weight-only one: 2 parameters, the exact l0 optimum) with the same outputs.
     */
    @Test
    void crossingAZeroPreActivationReachesTheSparserPattern() {
        MultivariateDataset data = MultivariateDataset.of(new double[][] {{-0.5}, {-0.75}}, new double[] {0.3, -0.2});
        MultivariateNetwork trained = new MultivariateNetwork(new double[] {1.226741816190272, 0.8983629544206031, -0.5163977794943223, 0},
                new double[] {1.5205102700952473, -0.5163977794943222}, 1);
        MultivariateNetwork held = VertexPurification.purify(trained, data, 0.4);
        MultivariateNetwork crossed = VertexPurification.purify(trained, data, 0.4, true);
        assertEquals(3, held.nonzeroParameters(0), "no pattern-preserving move drops a parameter");
        assertEquals(2, crossed.nonzeroParameters(0));
        for (int i = 0; i < 2; i++) {
            assertEquals(data.y(i), crossed.evaluate(data.inputs(), i), 1e-12, "row " + i);
        }
    }

    /**
     * The walk's memory grows with its own tables (neurons x rows), not with rows x the data: a
     * copy of the inputs per neuron and row once made a 1024 x 64 polish allocate 68 GB (9 s).
     * Here (300 rows, d = 20, 30 neurons) that bug would allocate 430 MB; the bound is 40 MB.
     */
    @Test
    void memoryFollowsTheWalkNotRowsTimesTheData() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 300;
        int d = 20;
        int k = 30;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i][t] = r.nextDouble() * 2 - 1;
            }
            y[i] = r.nextDouble();
        }
        double[] w = uniform(r, k * (d + 1));
        double[] v = uniform(r, k);
        MultivariateDataset data = MultivariateDataset.samples(x, y);
        MultivariateNetwork f = new MultivariateNetwork(w, v, d);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        VertexPurification.purify(f, data, 0.4, true);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 40_000_000, allocated + " bytes allocated");
    }
}
