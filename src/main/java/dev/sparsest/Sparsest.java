package dev.sparsest;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.BatchFitter;
import dev.sparsest.exact.BatchOutput;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.exact.Threshold;
import dev.sparsest.exact.ThresholdSolver;
import dev.sparsest.model.UnivariateJson;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainedUnivariate;
import dev.sparsest.train.UnivariateTrainer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The calls an embedding user needs. Everything here is stateless and thread-safe. For hot
 * loops, {@link dev.sparsest.exact.ChordPathFitter} fits without allocating.
 *
 * <pre>{@code
 * ExactSolution s = Sparsest.fit(x, y, Penalty.lp(0.5));
 * UnivariateNetwork f = s.network();
 * double yHat = f.evaluate(2.5);
 * }</pre>
 */
public final class Sparsest {
    private static final ChordPathSolver SOLVER = new ChordPathSolver();

    private Sparsest() {
    }

    /** The sparsest interpolant (fewest neurons) of the points (x_i, y_i). */
    public static ExactSolution fit(double[] x, double[] y) {
        return fit(x, y, Penalty.l0());
    }

    /** The interpolant of least cost under {@code penalty} (l0, l^p or l1). */
    public static ExactSolution fit(double[] x, double[] y, Penalty penalty) {
        return SOLVER.solve(UnivariateDataset.of(x, y), penalty);
    }

    public static ExactSolution fit(UnivariateDataset data, Penalty penalty) {
        return SOLVER.solve(data, penalty);
    }

    /**
     * The least-cost interpolant of every series in {@code x}, {@code y}: series s is points
     * {@code offsets[s]} to {@code offsets[s + 1] - 1}, finite with x strictly increasing. Runs
     * on all the machine's cores; a refused series gets its error in the output and the others
     * are fitted ({@link BatchFitter}). For repeated batches keep a {@link BatchFitter} and a
     * {@link BatchOutput} instead: they reuse their memory.
     */
    public static BatchOutput fitAll(double[] x, double[] y, int[] offsets, Penalty penalty) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), offsets.length - 1));
        BatchOutput out = new BatchOutput();
        try (BatchFitter batch = new BatchFitter(threads)) {
            batch.fit(x, y, offsets, penalty, out);
        }
        return out;
    }

    /** The threshold p* of the points (x_i, y_i): below it every l^p optimum is a sparsest network. */
    public static Threshold threshold(double[] x, double[] y) {
        return threshold(UnivariateDataset.of(x, y));
    }

    /** The threshold p* below which every l^p optimum is a sparsest network. */
    public static Threshold threshold(UnivariateDataset data) {
        return new ThresholdSolver().solve(data);
    }

    /**
     * Trains a univariate network by the paper's reweighted l1 (or a baseline, per the config)
     * and post-processes it; the result carries the exact optimum for comparison.
     */
    public static TrainedUnivariate train(UnivariateDataset data, TrainConfig config) {
        return new UnivariateTrainer(config).train(data);
    }

    /** Univariate data (x, y) from a CSV file. */
    public static UnivariateDataset readCsv(Path path) throws IOException {
        return CsvReader.read(path).toUnivariate();
    }

    /** A network from its JSON form ({@link UnivariateJson}). */
    public static UnivariateNetwork readNetwork(String json) {
        return UnivariateJson.read(json);
    }
}
