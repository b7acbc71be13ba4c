package dev.sparsest.bench;

import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.kernel.KnotSweep;
import dev.sparsest.kernel.Loss1dKernels;
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
 * The sorted-knot sweep against the dense vector kernel over a grid of N and K: the crossover
 * and the O((N + K) log K) scaling. Knots are jittered a little before each call, as training
 * moves them, so the sort does real (nearly linear) work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SweepBench {
    @Param({"1024", "4096", "16384"})
    int n;

    @Param({"64", "256", "1024", "4096"})
    int k;

    Kernels dense;
    KnotSweep sweep;
    double[] x, y, w, b, v, gw, gb, gv, gs, work, out;
    int tick;

    @Setup
    public void setup() {
        dense = KernelProvider.vector();
        sweep = new KnotSweep(n, k);
        SplittableRandom r = new SplittableRandom(3);
        x = Data.sorted(r, n, -2, 2);
        y = Data.uniform(r, n, -1, 1);
        w = Data.uniform(r, k, -1, 1);
        b = Data.uniform(r, k, -1, 1);
        v = Data.uniform(r, k, -1, 1);
        gw = new double[k];
        gb = new double[k];
        gv = new double[k];
        gs = new double[2];
        work = new double[Loss1dKernels.work(n)];
        out = new double[n];
    }

    private void jitter() {
        tick = (tick + 7919) % k;
        b[tick] += 1e-6; // one knot moves a little each call
    }

    @Benchmark
    public double[] sweepForward() {
        jitter();
        sweep.forward(x, n, w, b, v, k, 0.5, 0.25, out);
        return out;
    }

    @Benchmark
    public double sweepLossGrad() {
        jitter();
        return sweep.lossGrad(x, y, n, w, b, v, k, 0.5, 0.25, gw, gb, gv, gs);
    }

    @Benchmark
    public double denseLossGrad() {
        jitter();
        return dense.loss1d().lossGrad(x, y, n, w, b, v, k, 0.5, 0.25, gw, gb, gv, gs, work);
    }
}
