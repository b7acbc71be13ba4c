package dev.sparsest.bench;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.exact.Threshold;
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
 * The exact chord-path solver (and p*) from 10^3 to 10^7 points, to show linear time: x
 * increasing with random gaps, y a random walk with flat stretches and straight runs (so every
 * kind of curvature run appears). The dataset is built in the set-up; the solve allocates its
 * O(N) workspace and network each call, as a user's call does.
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
    final ChordPathSolver solver = new ChordPathSolver();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[n];
        double[] y = new double[n];
        double pos = 0;
        double level = 0;
        double slope = 0;
        for (int i = 0; i < n; i++) {
            pos += 0.5 + r.nextDouble();
            int kind = r.nextInt(10);
            if (kind < 4) {
                slope = r.nextDouble() * 2 - 1; // a new straight stretch
            } else if (kind < 5) {
                slope = 0;
            }
            level += slope * (0.5 + r.nextDouble()) + (kind >= 8 ? r.nextDouble() - 0.5 : 0);
            x[i] = pos;
            y[i] = level;
        }
        data = UnivariateDataset.of(x, y);
    }

    @Benchmark
    public ExactSolution l0() {
        return solver.solve(data, Penalty.l0());
    }

    @Benchmark
    public ExactSolution lpHalf() {
        return solver.solve(data, Penalty.lp(0.5));
    }

    @Benchmark
    public Threshold pStar() {
        return new ThresholdSolver().solve(data);
    }
}
