package dev.sparsest.bench;

import dev.sparsest.kernel.Float1dKernels;
import dev.sparsest.kernel.Kernels;
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

/** Dense fused 1-D forward + residual + loss + gradients, double and float. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LossGrad1dBench {
    @Param({"scalar", "vector"})
    String impl;

    @Param({"4096"})
    int n;

    @Param({"1024", "80", "1023"})
    int k;

    Kernels kernels;
    Float1dKernels floatKernels;
    double[] x, y, w, b, v, gw, gb, gv, gs, work;
    float[] xf, yf, wf, bf, vf, gwf, gbf, gvf, gsf, workf;

    @Setup
    public void setup() {
        kernels = KernelChoice.of(impl);
        floatKernels = KernelChoice.ofFloat(impl);
        SplittableRandom r = new SplittableRandom(2);
        x = Data.uniform(r, n, -2, 2);
        y = Data.uniform(r, n, -1, 1);
        w = Data.uniform(r, k, -1, 1);
        b = Data.uniform(r, k, -1, 1);
        v = Data.uniform(r, k, -1, 1);
        gw = new double[k];
        gb = new double[k];
        gv = new double[k];
        gs = new double[2];
        work = new double[Loss1dKernels.work(n)];
        xf = Data.toFloat(x);
        yf = Data.toFloat(y);
        wf = Data.toFloat(w);
        bf = Data.toFloat(b);
        vf = Data.toFloat(v);
        gwf = new float[k];
        gbf = new float[k];
        gvf = new float[k];
        gsf = new float[2];
        workf = new float[Loss1dKernels.work(n)];
    }

    @Benchmark
    public double lossGradDouble() {
        return kernels.loss1d().lossGrad(x, y, n, w, b, v, k, 0.5, 0.25, gw, gb, gv, gs, work);
    }

    @Benchmark
    public float lossGradFloat() {
        return floatKernels.lossGrad(xf, yf, n, wf, bf, vf, k, 0.5f, 0.25f, gwf, gbf, gvf, gsf, workf);
    }
}
