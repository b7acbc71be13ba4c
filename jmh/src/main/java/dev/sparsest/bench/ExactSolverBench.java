package dev.sparsest.bench;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathFitter;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.FitOutput;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.exact.Threshold;
import dev.sparsest.exact.ThresholdFitter;
import dev.sparsest.exact.ThresholdSolver;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The exact chord-path solver (and p*) from 10^3 to 10^7 points, to show linear time, on
 * {@link Data#walk} series. The dataset is built in the set-up; the solve allocates its O(N)
 * workspace and network each call, as a user's call does; {@code fitterL0} reuses them
 * ({@link ChordPathFitter}); {@code streamingFloor} is the memory-bound floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class ExactSolverBench {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    int n;

    UnivariateDataset data;
    double[] floorOut;
    double[] xs;
    double[] ys;
    final ChordPathSolver solver = new ChordPathSolver();
    final ChordPathFitter fitter = new ChordPathFitter();
    final FitOutput fitOut = new FitOutput();
    final ThresholdFitter thresholdFitter = new ThresholdFitter();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[n];
        double[] y = new double[n];
        Data.walk(r, x, y, 0, n);
        floorOut = new double[n];
        xs = x;
        ys = y;
        data = UnivariateDataset.of(x, y);
    }

    /**
     * The memory-bound floor the l0 solve is measured against: one streaming pass that reads x
     * and y and writes one double per point.
     */
    @Benchmark
    public double[] streamingFloor() {
        double[] x = xs;
        double[] y = ys;
        double[] out = floorOut;
        for (int i = 0; i < x.length; i++) {
            out[i] = y[i] - x[i];
        }
        return out;
    }

    @Benchmark
    public ExactSolution l0() {
        return solver.solve(data, Penalty.l0());
    }

    @Benchmark
    public FitOutput fitterL0() {
        fitter.fit(xs, ys, Penalty.l0(), fitOut);
        return fitOut;
    }

    @Benchmark
    public ExactSolution lpHalf() {
        return solver.solve(data, Penalty.lp(0.5));
    }

    @Benchmark
    public Threshold pStarFitter() {
        return thresholdFitter.fit(xs, ys);
    }

    @Benchmark
    public Threshold pStar() {
        return new ThresholdSolver().solve(data);
    }
}
