package dev.sparsest.bench;

import dev.sparsest.kernel.AdamStep;
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

/**
 * Counts, the proximal step and Adam over K neurons of fan-in m (m = 1: 1-D;
 * m = 65: d = 64 with bias). The proximal step works on a copy refreshed in each call, so every
 * call thresholds the same values (the copy is part of the measured time, as in training).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class StepsBench {
    @Param({"scalar", "vector"})
    String impl;

    @Param({"1025x1", "256x65"})
    String shape;

    Kernels kernels;
    AdamStep adamStep = new AdamStep(1e-9, 0.9, 0.999, 1e-8, 0).at(10);
    int k, m;
    double[] v, w, b, qPrev, v2, w2, b2, grad, m1, m2, param;

    @Setup
    public void setup() {
        kernels = KernelChoice.of(impl);
        String[] s = shape.split("x");
        k = Integer.parseInt(s[0]);
        m = Integer.parseInt(s[1]);
        SplittableRandom r = new SplittableRandom(5);
        v = Data.uniform(r, k, -1, 1);
        w = Data.uniform(r, k * m, -1, 1);
        b = Data.uniform(r, k, -1, 1);
        qPrev = new double[k * m];
        kernels.steps().products(v, w, k, m, qPrev);
        v2 = new double[k];
        w2 = new double[k * m];
        b2 = new double[k];
        grad = Data.uniform(r, k * m, -1, 1);
        m1 = new double[k * m];
        m2 = new double[k * m];
        param = Data.uniform(r, k * m, -1, 1);
    }

    @Benchmark
    public int countNonzero() {
        return kernels.steps().countNonzero(v, w, k, m, 1e-3);
    }

    @Benchmark
    public double[] proxStep() {
        System.arraycopy(v, 0, v2, 0, k);
        System.arraycopy(w, 0, w2, 0, k * m);
        System.arraycopy(b, 0, b2, 0, k);
        kernels.steps().proxStep(v2, w2, m == 1 ? b2 : null, k, m, qPrev, 0.003 * 0.01, 0.4);
        return w2;
    }

    @Benchmark
    public double[] adam() {
        kernels.steps().adam(param, grad, m1, m2, k * m, adamStep);
        return param;
    }
}
