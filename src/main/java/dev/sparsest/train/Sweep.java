package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.UnivariateDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A sweep of the trainer: many configurations on one dataset, each run single-threaded and
 * seeded (so each result equals the library's own run of its configuration bit for bit, on any
 * number of threads), the runs spread over a thread pool. One input column trains the univariate
 * network on interpolation data (distinct x); more columns the d-D trainer (its default affine
 * model) on samples. A configuration the trainer refuses gets its error; the others run.
 */
public final class Sweep {
    private Sweep() {
    }

    /** The settings a configuration may give; any other is refused by {@link #config}. */
    public static final List<String> SETTINGS = List.of("p", "lambda", "lr", "epochs", "width", "seed");

    /**
     * One run's result.
     *
     * @param neurons    neurons of the final network (d-D: the active ones), or -1 on error
     * @param parameters d-D: nonzero parameters of the final network; 1-D: -1
     * @param mseTrained MSE as training ended
     * @param mse        MSE after the post-processing
     * @param seconds    wall time of the run
     * @param error      why the trainer refused the configuration, or null
     */
    public record Outcome(int neurons, int parameters, double mseTrained, double mse, double seconds, String error) {
    }

    /** The single-threaded defaults with the given settings (names from {@link #SETTINGS}). */
    public static TrainConfig config(Map<String, Double> settings) {
        TrainConfig config = TrainConfig.defaults().withThreads(1);
        for (Map.Entry<String, Double> e : settings.entrySet()) {
            double v = e.getValue();
            switch (e.getKey()) {
                case "p" -> config = config.withP(v);
                case "lambda" -> config = config.withLambda(v);
                case "lr" -> config = config.withLearningRate(v);
                case "epochs" -> config = config.withEpochs(Math.toIntExact(whole(e.getKey(), v, Integer.MAX_VALUE)));
                case "width" -> config = config.withWidth(Math.toIntExact(whole(e.getKey(), v, Integer.MAX_VALUE)));
                case "seed" -> config = config.withSeed(whole(e.getKey(), v, 1L << 53));
                default -> throw new IllegalArgumentException("unknown setting '" + e.getKey() + "': use " + String.join(", ", SETTINGS));
            }
        }
        return config;
    }

    /** A whole number of magnitude at most {@code limit} (seeds: 2^53, where doubles stop counting by one). */
    private static long whole(String name, double v, long limit) {
        if (v != Math.rint(v) || Math.abs(v) > limit) {
            throw new IllegalArgumentException(name + " must be a whole number of magnitude at most " + limit + ": " + v);
        }
        return (long) v;
    }

    /** One run: inputs as rows (n x d), targets; never throws for a configuration the trainer refuses. */
    public static Outcome run(TrainConfig config, double[][] inputs, double[] targets) {
        long t0 = System.nanoTime();
        try {
            if (inputs.length > 0 && inputs[0].length == 1) {
                double[] x = new double[inputs.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = inputs[i][0];
                }
                TrainedUnivariate t = new UnivariateTrainer(config).train(UnivariateDataset.of(x, targets));
                return new Outcome(t.network().neurons(), -1, t.mseTrained(), t.mseAfterPolish(), seconds(t0), null);
            }
            TrainedMultivariate t = new MultivariateTrainer(config).train(MultivariateDataset.samples(inputs, targets));
            return new Outcome(t.activeNeurons(), t.nonzeroParameters(), t.mseTrained(), t.mseAfterPolish(), seconds(t0), null);
        } catch (RuntimeException e) {
            return new Outcome(-1, -1, Double.NaN, Double.NaN, seconds(t0), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Every configuration on {@code threads} threads; outcomes in the configurations' order. */
    public static List<Outcome> runAll(List<TrainConfig> configs, double[][] inputs, double[] targets, int threads)
            throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sparsest-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (TrainConfig c : configs) {
                pending.add(pool.submit(() -> run(c, inputs, targets)));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : pending) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sweep run failed outside its outcome", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
