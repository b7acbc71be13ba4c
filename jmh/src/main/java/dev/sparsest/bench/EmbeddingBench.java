package dev.sparsest.bench;

import dev.sparsest.Sparsest;
import dev.sparsest.exact.ChordPathFitter;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.FitOutput;
import dev.sparsest.exact.Penalty;
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
 * The exact 1-D fit as an embedding developer's hot loop runs it: one small dataset after
 * another (a pool of 1 024 {@link Data#walk} series, cycled, so branch predictors cannot learn
 * one), through the {@code Sparsest} facade (sorts, copies, allocates its result) and through a
 * reused {@link ChordPathFitter} (no allocation). Their ratio is the point; per point, divide by n.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmbeddingBench {
    private static final int POOL = 1024;

    @Param({"20", "1000"})
    int n;

    @Param({"l0", "lp0.5", "l1"})
    String penalty;

    double[][] xs;
    double[][] ys;
    Penalty p;
    int next;
    final ChordPathFitter fitter = new ChordPathFitter();
    final FitOutput out = new FitOutput();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(19);
        xs = new double[POOL][n];
        ys = new double[POOL][n];
        for (int d = 0; d < POOL; d++) {
            Data.walk(r, xs[d], ys[d], 0, n);
        }
        p = penalty.equals("l0") ? Penalty.l0() : penalty.equals("l1") ? Penalty.l1() : Penalty.lp(0.5);
    }

    @Benchmark
    public ExactSolution facade() {
        int d = next++ & (POOL - 1);
        return Sparsest.fit(xs[d], ys[d], p);
    }

    @Benchmark
    public FitOutput fitter() {
        int d = next++ & (POOL - 1);
        fitter.fit(xs[d], ys[d], p, out);
        return out;
    }
}
