package dev.sparsest.bench;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.train.MultivariateTrainer;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.UnivariateTrainer;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Whole training runs, post-processing included: the paper's two experiments (100 000 epochs
 * each) and the large shapes for a fixed number of epochs. Epochs per second = epochs / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainBench {
    /** Epochs of the large-shape runs. */
    static final int LARGE_EPOCHS = 200;

    UnivariateDataset peak;
    MultivariateDataset paperNd;
    UnivariateDataset large1d;
    MultivariateDataset largeNd;

    @Setup
    public void setup() {
        peak = UnivariateDataset.of(new double[] {-2, -1, 0, 1, 2, 3}, new double[] {0, 0, 1, 1, 0, 0});
        paperNd = nd(new SplittableRandom(7), 10, 50);
        SplittableRandom r = new SplittableRandom(8);
        large1d = UnivariateDataset.of(Data.sorted(r, 4096, -2, 2), Data.uniform(r, 4096, -1, 1));
        largeNd = nd(r, 1024, 64);
    }

    private static MultivariateDataset nd(SplittableRandom r, int n, int d) {
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i][t] = 2 * r.nextDouble() - 1;
            }
            y[i] = 2 * r.nextDouble() - 1;
        }
        return MultivariateDataset.of(x, y);
    }

    @Benchmark
    public Object paper1dP04() {
        return new UnivariateTrainer(TrainConfig.defaults()).train(peak);
    }

    @Benchmark
    public Object paperNdP04() {
        return new MultivariateTrainer(TrainConfig.defaults().withWidth(100).withLambda(0.005).withModel(MultivariateModel.PAPER)).train(paperNd);
    }

    /** N = 4096, K = 1024, 200 epochs (the sweep kernels). */
    @Benchmark
    public Object large1d() {
        return new UnivariateTrainer(TrainConfig.defaults().withWidth(1024).withEpochs(LARGE_EPOCHS)).train(large1d);
    }

    /** N = 1024, d = 64, K = 256, 200 epochs. */
    @Benchmark
    public Object largeNd() {
        return new MultivariateTrainer(TrainConfig.defaults().withWidth(256).withEpochs(LARGE_EPOCHS).withModel(MultivariateModel.PAPER)).train(largeNd);
    }
}
