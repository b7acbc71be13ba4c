package dev.sparsest.train;

import dev.sparsest.bench.Data;
import dev.sparsest.kernel.KernelProvider;
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

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One epoch's 1-D loss and gradients on 1 or 2 threads (the points split in slices, reduced in a
 * fixed order), to find where the second thread starts paying; shapes "NxK" (the sweep from
 * K = 32 on). In package train to reach the package-private loss classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Threads1dBench {
    @Param({"1", "2"})
    int threads;

    @Param({"256x16", "1024x16", "2048x16", "4096x16", "256x256", "1024x256", "4096x1024", "16384x1024", "32768x1024", "65536x1024"})
    String shape1d;

    UnivariateLoss loss1d;
    double[] w, b, v, gw, gb, gv, gs;
    int k;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(3);
        int[] s = Arrays.stream(shape1d.split("x")).mapToInt(Integer::parseInt).toArray();
        int n = s[0];
        k = s[1];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -2 + 4.0 * i / n;
        }
        double[] y = Data.uniform(r, n, -1, 1);
        w = Data.uniform(r, k, -1, 1);
        b = Data.uniform(r, k, -1, 1);
        v = Data.uniform(r, k, -1, 1);
        gw = new double[k];
        gb = new double[k];
        gv = new double[k];
        gs = new double[2];
        loss1d = new UnivariateLoss(x, y, k, threads, KernelProvider.get());
    }


    @TearDown(Level.Trial)
    public void tearDown() {
        loss1d.close();
    }

    @Benchmark
    public double epoch1d() {
        return loss1d.lossGrad(w, b, v, k, 0.1, 0.2, gw, gb, gv, gs);
    }
}
