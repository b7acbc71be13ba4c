package dev.sparsest.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The machine's measured peak: 12 independent chains of vector FMAs (enough to cover the FMA
 * latency on two ports), ITERATIONS rounds per call. Lane-FMAs per call = 12 x ITERATIONS x lanes;
 * PERF.md divides each kernel's useful FMAs per second by this rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeakFmaBench {
    static final int ITERATIONS = 1000;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    double[] seedD;
    float[] seedF;

    @Setup
    public void setup() {
        seedD = new double[D.length() * 2];
        seedF = new float[F.length() * 2];
        for (int i = 0; i < seedD.length; i++) {
            seedD[i] = i < D.length() ? 0.999999 : 1e-9;
        }
        for (int i = 0; i < seedF.length; i++) {
            seedF[i] = i < F.length() ? 0.9999f : 1e-9f;
        }
    }

    @Benchmark
    public double peakFmaDouble() {
        DoubleVector m = DoubleVector.fromArray(D, seedD, 0);
        DoubleVector c = DoubleVector.fromArray(D, seedD, D.length());
        DoubleVector a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c;
        DoubleVector a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }

    @Benchmark
    public float peakFmaFloat() {
        FloatVector m = FloatVector.fromArray(F, seedF, 0);
        FloatVector c = FloatVector.fromArray(F, seedF, F.length());
        FloatVector a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c;
        FloatVector a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
