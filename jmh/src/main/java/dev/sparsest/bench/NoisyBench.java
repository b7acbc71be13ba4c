package dev.sparsest.bench;

import dev.sparsest.data.NoisyData;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.PathPoint;
import dev.sparsest.noisy.PenalizedFit;
import dev.sparsest.noisy.PenalizedSolver;
import dev.sparsest.noisy.TubeFit;
import dev.sparsest.noisy.TubeSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The noisy-data modes on the demo's problem at growing N: samples of a 6-knot function on [0, 10]
 * with Gaussian noise sigma = 0.05; the tube at 4 sigma, the penalized fit at lambda = N / 500
 * (the demo's lambda = 1 at 500 points, scaled with N so the knot count stays near 6), and the
 * lambda path down to 30 knots. The number of knots stays fixed while N grows, so the points per
 * piece grow with N. {@link #tubeOnAParabola}: exact samples of a parabola with a tube of 0.008
 * (8 pieces at every N), where many of a piece's points hold its polygon of lines at once: the
 * case a solver that rescans its polygon at each point would pay for (see PERF.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NoisyBench {
    @Param({"500", "2000", "8000"})
    int n;

    NoisyData tube;
    NoisyData points;
    NoisyData parabola;
    final TubeSolver tubeSolver = new TubeSolver();
    final PenalizedSolver penalizedSolver = new PenalizedSolver();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(8);
        UnivariateNetwork truth = UnivariateNetwork.of(new double[] {1.5, 3, 4.5, 6, 7.5, 9},
                new double[] {1.2, -2, 1.6, -1.6, 2, -1.2}, 0.1, 0, 0);
        double[] x = Data.sorted(r, n, 0, 10);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            y[i] = truth.evaluate(x[i]) + 0.05 * gaussian;
        }
        tube = NoisyData.of(x, y, 0.2);
        points = NoisyData.of(x, y);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (x[i] - 5) * (x[i] - 5) / 25;
        }
        parabola = NoisyData.of(x, p, 0.008);
    }

    @Benchmark
    public TubeFit tube() {
        return tubeSolver.solve(tube);
    }

    @Benchmark
    public TubeFit tubeOnAParabola() {
        return tubeSolver.solve(parabola);
    }

    @Benchmark
    public PenalizedFit penalized() {
        return penalizedSolver.solve(points, n / 500.0);
    }

    @Benchmark
    public List<PathPoint> path() {
        return penalizedSolver.path(points, 30);
    }
}
