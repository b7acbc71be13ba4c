package dev.sparsest.bench;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.exact.multivariate.MultivariateOracle;
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
 * The multivariate exact oracle (l0 and one l^p in one vertex walk) at each dimension's size
 * limit and one below: inputs from N(0, 1) rounded to 1/16, targets rounded to 0.1 (seeded). The
 * work is the number of vertices walked, which grows steeply with N and d.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class OracleBench {
    /** "d x N". */
    @Param({"1x10", "2x4", "2x5", "3x3", "3x4"})
    String shape;

    MultivariateDataset data;

    @Setup
    public void setup() {
        int d = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
        int n = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i][t] = d == 1 ? i + 0.25 * r.nextInt(4) : Math.round(gaussian(r) * 16) / 16.0;
            }
            y[i] = Math.round(gaussian(r) * 10) / 10.0;
        }
        data = MultivariateDataset.of(x, y);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Benchmark
    public MultivariateOracle.Answers l0AndHalf() {
        return MultivariateOracle.of(data).solve(0, 0.5);
    }
}
