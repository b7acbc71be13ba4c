package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.linalg.LeastSquares;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's shape exchange: what it returns interpolates, never costs more than what it was
 * given nor less than the exact optimum, depends on nothing but its inputs, and runs without the
 * LP solver on the class path.
 */
class ShapeExchangeTest {
    @Test
    void tradesThreeNeuronsForOneInAnotherPattern() {
        MultivariateDataset data = MultivariateDataset.of(WithoutSolver.X, WithoutSolver.Y);
        MultivariateNetwork three = WithoutSolver.threeNeurons();
        assertTrue(worstMiss(three, data) < 1e-15, "the hand-built network interpolates");
        assertEquals(3, L0Search.neuronParameters(three));
        MultivariateNetwork better = ShapeExchange.improve(three, data, MultivariateModel.PAPER);
        assertEquals(2, L0Search.neuronParameters(better), "one neuron on x1 and the bias: -0.4 x1 + 0.6 on every row");
        assertEquals(MultivariateOracle.of(data).l0().parameters(), L0Search.neuronParameters(better));
        assertTrue(worstMiss(better, data) <= 1e-12);
    }

    /**
     * Random dense interpolants (N random neurons, output weights solved) of tiny data, both
     * models: the exchange keeps interpolation, never adds a parameter, never goes below the
     * exact l0 search's optimum, and gives the same answer twice.
     */
    @Test
    void interpolatesWithNoMoreParametersAndNoFewerThanTheOptimum() {
        int[] improved = new int[2];
        Prop.forAll("shape exchange on dense interpolants", TinyData.grid()).tries(150).check(t -> {
            MultivariateDataset data = t.dataset();
            SplittableRandom random = new SplittableRandom(t.n() * 1000L + t.d());
            for (MultivariateModel model : MultivariateModel.values()) {
                MultivariateNetwork dense = denseInterpolant(data, model == MultivariateModel.AFFINE, random);
                double scale = maxAbs(data.targets());
                if (dense == null || worstMiss(dense, data) > 1e-10 * Math.max(scale, 1e-300)) {
                    continue; // a singular draw
                }
                MultivariateNetwork f = ShapeExchange.improve(dense, data, model);
                assertTrue(worstMiss(f, data) <= ShapeExchange.INTERPOLATION_TOLERANCE * scale, "the exchange lost interpolation");
                int before = L0Search.neuronParameters(dense);
                int after = L0Search.neuronParameters(f);
                assertTrue(after <= before, after + " parameters after the exchange, " + before + " before");
                int optimum = L0Search.of(data, model).solve(Double.POSITIVE_INFINITY, null, null).parameters();
                assertTrue(after >= optimum, after + " parameters, below the proved optimum " + optimum);
                assertEquals(f, ShapeExchange.improve(dense, data, model), "a second call gave another network");
                improved[0] += after < before ? 1 : 0;
                improved[1]++;
            }
        });
        assertTrue(improved[0] > improved[1] / 2, "the exchange improved only " + improved[0] + " of " + improved[1]);
    }

    @Test
    void leavesNetworksOutsideItsLimitsAsTheyAre() {
        int n = ShapeExchange.MAX_POINTS + 1;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            y[i] = i % 3;
        }
        MultivariateNetwork any = new MultivariateNetwork(new double[] {1, 0}, new double[] {1}, 1);
        assertSame(any, ShapeExchange.improve(any, MultivariateDataset.of(x, y), MultivariateModel.PAPER));
        MultivariateDataset small = MultivariateDataset.of(WithoutSolver.X, WithoutSolver.Y);
        MultivariateNetwork missing = new MultivariateNetwork(new double[] {0, 0, 0, 1}, new double[] {1}, 3);
        assertSame(missing, ShapeExchange.improve(missing, small, MultivariateModel.PAPER), "it does not interpolate");
    }

    /** Loaded where org.ojalgo cannot be found: the exchange (and so the trainer) must not need it. */
    @Test
    void needsNoLinearProgramSolver() throws Exception {
        URL main = ShapeExchange.class.getProtectionDomain().getCodeSource().getLocation();
        URL tests = ShapeExchangeTest.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {main, tests}, ClassLoader.getPlatformClassLoader())) {
            assertThrowsClassNotFound(isolated);
            @SuppressWarnings("unchecked")
            Supplier<String> run = (Supplier<String>) isolated.loadClass(WithoutSolver.class.getName())
                    .getDeclaredConstructor().newInstance();
            assertEquals("2", run.get());
        }
    }

    /**
     * Runs inside the isolated class loader, where only the library's classes and the JDK are
     * visible (so it holds the fixture itself rather than reach into the JUnit-using test class).
     */
    public static final class WithoutSolver implements Supplier<String> {
        /** Three rows in d = 3 (the trainer's seed-2 network before the exchange): a constant and two neurons on x2. */
        static final double[][] X = {{-0.25, 1.0, 0.0}, {1.0, -0.25, 0.5}, {0.0, 0.0, 0.25}};
        static final double[] Y = {0.7, 0.2, 0.6};

        /** 0.6 + 0.1 relu(x2) - 1.6 relu(-x2), 3 parameters, interpolating X, Y. */
        static MultivariateNetwork threeNeurons() {
            double s = Math.sqrt(0.6);
            double t = Math.sqrt(0.1);
            double q = Math.sqrt(0.4 / 0.25);
            return new MultivariateNetwork(new double[] {0, 0, 0, s, 0, t, 0, 0, 0, -q, 0, 0}, new double[] {s, t, -q}, 3);
        }

        @Override
        public String get() {
            MultivariateDataset data = MultivariateDataset.of(X, Y);
            return Integer.toString(L0Search.neuronParameters(ShapeExchange.improve(threeNeurons(), data, MultivariateModel.PAPER)));
        }
    }

    private static void assertThrowsClassNotFound(ClassLoader loader) {
        try {
            loader.loadClass("org.ojalgo.optimisation.ExpressionsBasedModel");
            throw new AssertionError("ojAlgo is visible to the isolated loader: the test proves nothing");
        } catch (ClassNotFoundException expected) {
            // as it must be
        }
    }

    /** N random neurons with output weights solving the interpolation (and a random affine part in the affine model). */
    private static MultivariateNetwork denseInterpolant(MultivariateDataset data, boolean affine, SplittableRandom random) {
        int n = data.size();
        int d = data.dimension();
        double[] w = new double[n * (d + 1)];
        for (int e = 0; e < w.length; e++) {
            w[e] = random.nextDouble(-1, 1);
        }
        double[] a = new double[affine ? d + 1 : 0];
        for (int c = 0; c < a.length; c++) {
            a[c] = random.nextDouble(-1, 1);
        }
        double[][] h = new double[n][n];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = data.y(i) - (affine ? a[d] : 0);
            for (int c = 0; c < a.length - 1; c++) {
                rhs[i] -= a[c] * data.x(i, c);
            }
            for (int k = 0; k < n; k++) {
                double z = w[k * (d + 1) + d];
                for (int c = 0; c < d; c++) {
                    z += w[k * (d + 1) + c] * data.x(i, c);
                }
                h[i][k] = Math.max(z, 0);
            }
        }
        double[] v = LeastSquares.solve(h, rhs);
        for (double e : v) {
            if (e == 0 || !Double.isFinite(e)) {
                return null; // a dependent column: rather draw again than count a dead neuron
            }
        }
        return new MultivariateNetwork(w, v, a, d);
    }

    private static double worstMiss(MultivariateNetwork f, MultivariateDataset data) {
        double worst = 0;
        for (int i = 0; i < data.size(); i++) {
            worst = Math.max(worst, Math.abs(f.evaluate(data.inputs(), i * data.dimension()) - data.y(i)));
        }
        return worst;
    }

    private static double maxAbs(double[] y) {
        double m = 0;
        for (double e : y) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
