package dev.sparsest.bench;

import dev.sparsest.kernel.Float1dKernels;
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

/** Dense 1-D forward pass, double and float: N points x K neurons pairs per call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Forward1dBench {
    @Param({"scalar", "vector"})
    String impl;

    @Param({"4096"})
    int n;

    @Param({"1024", "80", "1023"})
    int k;

    Kernels kernels;
    Float1dKernels floatKernels;
    double[] x, w, b, v, out;
    float[] xf, wf, bf, vf, outf;

    @Setup
    public void setup() {
        kernels = KernelChoice.of(impl);
        floatKernels = KernelChoice.ofFloat(impl);
        SplittableRandom r = new SplittableRandom(1);
        x = Data.uniform(r, n, -2, 2);
        w = Data.uniform(r, k, -1, 1);
        b = Data.uniform(r, k, -1, 1);
        v = Data.uniform(r, k, -1, 1);
        out = new double[n];
        xf = Data.toFloat(x);
        wf = Data.toFloat(w);
        bf = Data.toFloat(b);
        vf = Data.toFloat(v);
        outf = new float[n];
    }

    @Benchmark
    public double[] forwardDouble() {
        kernels.loss1d().forward(x, n, w, b, v, k, 0.5, 0.25, out);
        return out;
    }

    @Benchmark
    public float[] forwardFloat() {
        floatKernels.forward(xf, n, wf, bf, vf, k, 0.5f, 0.25f, outf);
        return outf;
    }
}
