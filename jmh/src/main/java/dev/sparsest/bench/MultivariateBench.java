package dev.sparsest.bench;

import dev.sparsest.kernel.Kernels;
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

/** d-D forward and fused forward + backward; shape "NxDxK". */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MultivariateBench {
    @Param({"scalar", "vector"})
    String impl;

    /** The paper's experiment, the large shape, and a shape off every lane count. */
    @Param({"10x50x100", "1024x64x256", "1023x63x257"})
    String shape;

    Kernels kernels;
    int n, d, k;
    double[] x, y, w, v, gW, gv, out, work;

    @Setup
    public void setup() {
        kernels = KernelChoice.of(impl);
        String[] s = shape.split("x");
        n = Integer.parseInt(s[0]);
        d = Integer.parseInt(s[1]);
        k = Integer.parseInt(s[2]);
        SplittableRandom r = new SplittableRandom(4);
        x = Data.uniform(r, n * d, -1, 1);
        y = Data.uniform(r, n, -1, 1);
        w = Data.uniform(r, k * (d + 1), -0.2, 0.2);
        v = Data.uniform(r, k, -1, 1);
        gW = new double[k * (d + 1)];
        gv = new double[k];
        out = new double[n];
        work = new double[kernels.lossNd().work(n, d, k)];
    }

    @Benchmark
    public double[] forward() {
        kernels.lossNd().forward(x, n, d, w, v, k, out, work);
        return out;
    }

    @Benchmark
    public double lossGrad() {
        return kernels.lossNd().lossGrad(x, y, n, d, w, v, k, gW, gv, work);
    }
}
