package dev.sparsest.model;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map of a network trained on standardized data back to raw units is exact: at every data
 * point the raw network gives m + s g(z). Tolerance: 64 eps times the sum of the magnitudes of the
 * terms of both evaluations (the map moves each term through a few roundings: w / s_t, the bias
 * shift, the products; and a column far from 0 with a small spread makes the raw network's terms
 * large and cancelling, which no representation in raw units avoids).
 */
class StandardizationTest {
    private static final double EPS = Math.ulp(1.0);

    record Case(MultivariateDataset data, MultivariateNetwork g) {
    }

    private static Case randomCase(SplittableRandom r) {
        int d = 1 + r.nextInt(6);
        int n = 2 + r.nextInt(30);
        double[] centre = new double[d];
        double[] spread = new double[d];
        boolean[] constant = new boolean[d];
        for (int t = 0; t < d; t++) {
            centre[t] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(13) - 6);
            spread[t] = Math.pow(10, r.nextInt(13) - 6);
            constant[t] = t > 0 && r.nextInt(5) == 0; // one varying column at least: the rows must differ
        }
        double[][] x = new double[n][d];
        double[] y = new double[n];
        double yc = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(13) - 6);
        double ys = Math.pow(10, r.nextInt(13) - 6);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i][t] = constant[t] ? centre[t] : centre[t] + spread[t] * (r.nextDouble() - 0.5);
            }
            y[i] = yc + ys * (r.nextDouble() - 0.5);
        }
        int k = r.nextInt(5);
        double[] w = new double[k * (d + 1)];
        double[] v = new double[k];
        double[] a = new double[d + 1];
        for (int e = 0; e < w.length; e++) {
            w[e] = r.nextDouble() * 2 - 1;
        }
        for (int j = 0; j < k; j++) {
            v[j] = r.nextDouble() * 2 - 1;
        }
        for (int t = 0; t <= d; t++) {
            a[t] = r.nextDouble() * 2 - 1;
        }
        return new Case(MultivariateDataset.of(x, y), new MultivariateNetwork(w, v, a, d));
    }

    @Test
    void theRawNetworkAgreesWithTheStandardizedOneAtEveryPoint() {
        Prop.forAll("standardizationMapsBackExactly", StandardizationTest::randomCase).check(c -> {
            Standardization s = Standardization.of(c.data());
            MultivariateDataset z = s.apply(c.data());
            MultivariateNetwork raw = s.toRaw(c.g());
            int d = c.data().dimension();
            // the zero network maps to the constant m, the target's centre
            double targetMean = s.toRaw(new MultivariateNetwork(new double[0], new double[0], new double[d + 1], d)).affinePart()[d];
            for (int i = 0; i < c.data().size(); i++) {
                double gz = c.g().evaluate(z.inputs(), i * d);
                double expected = targetMean + s.targetScale() * gz;
                double got = raw.evaluate(c.data().inputs(), i * d);
                double magnitude = Math.abs(targetMean) + s.targetScale() * magnitude(c.g(), z.inputs(), i * d)
                        + magnitude(raw, c.data().inputs(), i * d);
                assertEquals(expected, got, 64 * EPS * magnitude, "row " + i);
            }
            for (int t : s.constantColumns()) {
                assertEquals(0.0, raw.affinePart()[t], "constant column " + t);
                for (int j = 0; j < raw.width(); j++) {
                    assertEquals(0.0, raw.weights()[j * (d + 1) + t], "constant column " + t + ", neuron " + j);
                }
            }
        });
    }

    /** The sum of the magnitudes of every term of g at z: the scale of its rounding error. */
    private static double magnitude(MultivariateNetwork g, double[] z, int off) {
        int d = g.dimension();
        double[] w = g.weights();
        double[] a = g.affinePart();
        double m = Math.abs(a[d]);
        for (int t = 0; t < d; t++) {
            m += Math.abs(a[t] * z[off + t]);
        }
        for (int j = 0; j < g.width(); j++) {
            double zs = Math.abs(w[j * (d + 1) + d]);
            for (int t = 0; t < d; t++) {
                zs += Math.abs(w[j * (d + 1) + t] * z[off + t]);
            }
            m += Math.abs(g.outputWeights()[j]) * zs;
        }
        return m;
    }

    @Test
    void standardizedColumnsHaveMeanZeroAndDeviationOne() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            Case c = randomCase(r);
            MultivariateDataset z = Standardization.of(c.data()).apply(c.data());
            List<Integer> constant = Standardization.of(c.data()).constantColumns();
            for (int t = 0; t < z.dimension(); t++) {
                double mean = 0;
                double sq = 0;
                for (int i = 0; i < z.size(); i++) {
                    mean += z.x(i, t) / z.size();
                }
                for (int i = 0; i < z.size(); i++) {
                    sq += (z.x(i, t) - mean) * (z.x(i, t) - mean) / z.size();
                }
                // the mean itself is a double: its rounding, over the column's spread, is as near 0 as z can be centred
                double rawMean = 0;
                double rawSq = 0;
                for (int i = 0; i < z.size(); i++) {
                    rawMean += c.data().x(i, t) / z.size();
                }
                for (int i = 0; i < z.size(); i++) {
                    rawSq += (c.data().x(i, t) - rawMean) * (c.data().x(i, t) - rawMean) / z.size();
                }
                double centring = constant.contains(t) ? 0 : 4 * Math.ulp(Math.abs(rawMean)) / Math.sqrt(rawSq);
                assertEquals(0, mean, 1e-9 + centring, "mean of column " + t);
                // a conditioning step, not an exactness claim (the map back is): 1e-6 is far below what training notices
                assertEquals(constant.contains(t) ? 0 : 1, sq, 1e-6, "variance of column " + t);
            }
        }
    }

    @Test
    void aColumnWiderThanDoublesIsRefusedByName() {
        MultivariateDataset data = MultivariateDataset.of(new double[][] {{-1.7e308, 0}, {1.7e308, 1}, {1.7e308, 2}, {1.7e308, 3}},
                new double[] {0, 1, 2, 3});
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Standardization.of(data));
        assertTrue(e.getMessage().contains("input column 1"), e.getMessage());
    }
}
