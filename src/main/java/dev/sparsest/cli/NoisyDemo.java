package dev.sparsest.cli;

import dev.sparsest.data.NoisyData;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.PenalizedFit;
import dev.sparsest.noisy.PenalizedSolver;
import dev.sparsest.noisy.TubeFit;
import dev.sparsest.noisy.TubeSolver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The demo's noisy example: 500 samples of a 6-knot function with Gaussian noise, fitted by the
 * tube mode (eps = 4 sigma: a sample leaves the tube of the true function with probability 6e-5)
 * and by the penalized mode; the recovered knots are printed beside the true ones.
 */
final class NoisyDemo {
    static final double[] TRUE_KNOTS = {1.5, 3, 4.5, 6, 7.5, 9};
    static final double[] TRUE_CHANGES = {1.2, -2, 1.6, -1.6, 2, -1.2};
    static final double SIGMA = 0.05;
    static final int POINTS = 500;

    private NoisyDemo() {
    }

    static UnivariateNetwork truth() {
        return UnivariateNetwork.of(TRUE_KNOTS, TRUE_CHANGES, 0.1, 0, 0);
    }

    /** Fixed seed: x uniform in [0, 10], y = truth(x) + N(0, SIGMA^2). */
    static NoisyData data(double eps) {
        Random r = new Random(2505_21791L);
        UnivariateNetwork f = truth();
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = 10 * r.nextDouble();
            y[i] = f.evaluate(x[i]) + SIGMA * r.nextGaussian();
        }
        return NoisyData.of(x, y, eps);
    }

    static void run(PrintStream out, Path plotDir) throws IOException {
        double eps = 4 * SIGMA;
        NoisyData d = data(eps);
        out.println();
        out.printf(Locale.ROOT, "== Noisy data: %d samples of a 6-knot function, noise sigma = %s%n", POINTS, FitReport.num(SIGMA));
        long t0 = System.nanoTime();
        TubeFit tube = new TubeSolver().solve(d);
        double tubeMs = (System.nanoTime() - t0) / 1e6;
        PenalizedSolver penalized = new PenalizedSolver();
        double lambda = 1;
        t0 = System.nanoTime();
        PenalizedFit pen = penalized.solve(d, lambda);
        double penMs = (System.nanoTime() - t0) / 1e6;
        out.printf(Locale.ROOT, "   tube +-%s (4 sigma): %d knots, the fewest possible (%.1f ms)%n", FitReport.num(eps),
                tube.minimumKnots(), tubeMs);
        out.printf(Locale.ROOT, "   l1-penalized, lambda = %s: %d knots, RSS %s (%.1f ms; lambda max %s)%n", FitReport.num(lambda),
                pen.neurons(), FitReport.num(pen.residualSumOfSquares()), penMs, FitReport.num(pen.lambdaMax()));
        out.println("   true knot (slope change)   tube fit                 penalized fit");
        int rows = Math.max(TRUE_KNOTS.length, Math.max(tube.neurons(), pen.neurons()));
        for (int i = 0; i < rows; i++) {
            out.printf(Locale.ROOT, "   %-26s %-24s %s%n", knot(truth(), i), knot(tube.network(), i), knot(pen.network(), i));
        }
        if (plotDir != null) {
            Path file = plotDir.resolve("noisy-tube.png");
            PlotWriter.write(file, "500 noisy samples: fewest knots within +-4 sigma", d.univariateMeans(), tube.network());
            out.println("   plot: " + file);
            file = plotDir.resolve("noisy-penalized.png");
            PlotWriter.write(file, "500 noisy samples: l1-penalized fit, lambda = " + FitReport.num(lambda), d.univariateMeans(), pen.network());
            out.println("   plot: " + file);
        }
    }

    private static String knot(UnivariateNetwork f, int i) {
        if (i >= f.neurons()) {
            return "";
        }
        return String.format(Locale.ROOT, "%.3f (%+.3f)", f.knot(i), f.slopeChange(i));
    }
}
