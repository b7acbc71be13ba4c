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
 * One epoch's d-D loss and gradients on 1 or 2 threads (the points split in slices, reduced in a
 * fixed order), to find where the second thread starts paying; shapes "NxDxK".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ThreadsNdBench {
    @Param({"1", "2"})
    int threads;

    @Param({"64x16x64", "128x16x64", "256x16x64", "256x64x256", "1024x64x256"})
    String shapeNd;

    MultivariateLoss lossNd;
    double[] wn, vn, gwn, gvn;
    int kn;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(3);
        int[] t = Arrays.stream(shapeNd.split("x")).mapToInt(Integer::parseInt).toArray();
        int nn = t[0];
        int d = t[1];
        kn = t[2];
        wn = Data.uniform(r, kn * (d + 1), -1, 1);
        vn = Data.uniform(r, kn, -1, 1);
        gwn = new double[kn * (d + 1)];
        gvn = new double[kn];
        lossNd = new MultivariateLoss(Data.uniform(r, nn * d, -1, 1), Data.uniform(r, nn, -1, 1), d, kn, threads, KernelProvider.get());
    }


    @TearDown(Level.Trial)
    public void tearDown() {
        lossNd.close();
    }

    @Benchmark
    public double epochNd() {
        return lossNd.lossGrad(wn, vn, null, kn, gwn, gvn, null); // the paper's model: no affine part
    }
}
