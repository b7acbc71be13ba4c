package dev.sparsest.bench;

import dev.sparsest.exact.BatchFitter;
import dev.sparsest.exact.BatchOutput;
import dev.sparsest.exact.Penalty;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Exact l0 fits of many series at once ({@link BatchFitter}): 100 000 {@link Data#walk} series
 * of 1 000 points (10^8 points, 1.6 GB of input) on 1 and 2 threads; the two-thread speed-up is
 * the ratio of the two in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class BatchBench {
    @Param({"100000"})
    int series;

    @Param({"1000"})
    int points;

    @Param({"1", "2"})
    int threads;

    double[] x;
    double[] y;
    int[] offsets;
    final BatchOutput out = new BatchOutput();
    BatchFitter batch;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(23);
        x = new double[series * points];
        y = new double[series * points];
        offsets = new int[series + 1];
        for (int s = 0; s < series; s++) {
            offsets[s + 1] = offsets[s] + points;
            Data.walk(r, x, y, offsets[s], points);
        }
        batch = new BatchFitter(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batch.close();
    }

    @Benchmark
    public BatchOutput l0() {
        batch.fit(x, y, offsets, Penalty.l0(), out);
        return out;
    }
}
