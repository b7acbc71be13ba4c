package dev.sparsest.train;

import dev.sparsest.data.Folds;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.model.MultivariateNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Chooses lambda for the user: the {@link LambdaPath} on every training part of a k-fold split
 * (or of one holdout split) scores each lambda by its networks' mean squared error on the held-out
 * rows, in raw units; the one-standard-error rule then takes, among the lambdas whose error is
 * within one standard error of the least, the one with the fewest parameters (the largest lambda
 * on ties). The path on all the data gives the network at that lambda.
 * <p>
 * Folds come from a seeded shuffle; each path runs on one thread, the paths in parallel on up to
 * {@code threads} of them. Each path's arithmetic depends on its data and settings only, so the
 * result is the same for a seed whatever the thread count.
 */
public final class LambdaSelection {
    /** How the held-out error is estimated. */
    public sealed interface Method permits CrossValidation, Holdout {
    }

    /** k-fold cross-validation, k &gt;= 2. */
    public record CrossValidation(int folds) implements Method {
        public CrossValidation {
            if (folds < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
            }
        }
    }

    /** One split, {@code fraction} of the rows held out, in (0, 1). */
    public record Holdout(double fraction) implements Method {
        public Holdout {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("the holdout fraction must be in (0, 1): " + fraction);
            }
        }
    }

    /**
     * One lambda of the grid.
     *
     * @param lambda            the penalty weight (in standardized units for the affine model)
     * @param validationMse     the held-out MSE, mean over the folds (raw units)
     * @param validationSe      its standard error (over folds; over held-out rows for a holdout)
     * @param meanParameters    nonzero parameters of the folds' networks, mean
     * @param full              the network trained on all the data at this lambda
     */
    public record Row(double lambda, double validationMse, double validationSe, double meanParameters, TrainedMultivariate full) {
        public double validationRmse() {
            return Math.sqrt(validationMse);
        }
    }

    /** The table along the path and the row chosen. */
    public record Result(List<Row> rows, int chosen, Method method) {
        public Row choice() {
            return rows.get(chosen);
        }
    }

    private final TrainConfig config;
    private final LambdaGrid grid;
    private final Kernels kernels;
    private final int threads;

    /**
     * @param config  the training settings; its lambda is not used, its threads must be 0 or 1 (a
     *                path runs on one thread)
     * @param grid    the lambdas and epochs of every path
     * @param threads paths run at once; 0: the available processors
     */
    public LambdaSelection(TrainConfig config, LambdaGrid grid, int threads) {
        this(config, grid, threads, KernelProvider.get());
    }

    LambdaSelection(TrainConfig config, LambdaGrid grid, int threads, Kernels kernels) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0: the available processors): " + threads);
        }
        new MultivariateTrainer(config, kernels); // refuses what a d-D run refuses, before any work
        if (config.restarts() > 1) {
            throw new IllegalArgumentException("restarts do not apply to lambda selection: each lambda trains once per part");
        }
        if (config.optimizer() == Optimizer.ADAM) {
            throw new IllegalArgumentException("plain Adam has no penalty: every lambda would train the same network");
        }
        this.config = config.withThreads(1);
        this.grid = grid;
        this.kernels = kernels;
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public Result select(MultivariateDataset data, Method method) {
        return select(data, method, () -> false, runs -> { });
    }

    /**
     * Runs the paths and applies the rule; {@code cancelled} is asked between runs (then a
     * {@link java.util.concurrent.CancellationException}); {@code runsDone} is told the number of
     * runs finished so far, from the paths' threads, after each (at most (parts + 1) maxSteps).
     */
    public Result select(MultivariateDataset data, Method method, BooleanSupplier cancelled, IntConsumer runsDone) {
        data.requireTwoPoints();
        int[][] heldOut = split(data.size(), method, config.seed());
        AtomicInteger finished = new AtomicInteger();
        Runnable runDone = () -> runsDone.accept(finished.incrementAndGet());
        AtomicBoolean failed = new AtomicBoolean(); // one failing path stops the others at their next run
        BooleanSupplier stop = () -> failed.get() || cancelled.getAsBoolean();
        List<java.util.concurrent.Callable<List<LambdaPath.Step>>> tasks = new ArrayList<>();
        tasks.add(() -> LambdaPath.run(config, kernels, data, grid, stop, runDone));
        for (int[] part : heldOut) {
            MultivariateDataset training = data.rows(complement(part, data.size()));
            tasks.add(() -> LambdaPath.run(config, kernels, training, grid, stop, runDone));
        }
        List<List<LambdaPath.Step>> paths = runAll(tasks, failed);
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("lambda selection interrupted");
        }
        return rule(data, method, heldOut, paths);
    }

    /** The paths' results in order; the first failure sets {@code failed} (the others stop early) and is rethrown. */
    private List<List<LambdaPath.Step>> runAll(List<java.util.concurrent.Callable<List<LambdaPath.Step>>> tasks, AtomicBoolean failed) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "sparsest-lambda-path");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<LambdaPath.Step>>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<List<LambdaPath.Step>> task : tasks) {
                futures.add(pool.submit(() -> {
                    try {
                        return task.call();
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            List<List<LambdaPath.Step>> out = new ArrayList<>();
            for (Future<List<LambdaPath.Step>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("lambda selection interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Scores every lambda of the full path on the held-out parts and applies the one-standard-error rule. */
    private Result rule(MultivariateDataset data, Method method, int[][] heldOut, List<List<LambdaPath.Step>> paths) {
        List<LambdaPath.Step> full = paths.get(0);
        int parts = heldOut.length;
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < full.size(); s++) {
            double[] mse = new double[parts];
            double parameters = 0;
            double se;
            if (method instanceof Holdout) {
                double[] sq = squaredErrors(step(paths.get(1), s).network(), data, heldOut[0]);
                mse[0] = Folds.mean(sq);
                se = Folds.standardError(sq);
                parameters = step(paths.get(1), s).nonzeroParameters();
            } else {
                for (int f = 0; f < parts; f++) {
                    TrainedMultivariate t = step(paths.get(f + 1), s);
                    mse[f] = Folds.mean(squaredErrors(t.network(), data, heldOut[f]));
                    parameters += t.nonzeroParameters();
                }
                parameters /= parts;
                se = Folds.standardError(mse);
            }
            rows.add(new Row(full.get(s).lambda(), Folds.mean(mse), se, parameters, full.get(s).trained()));
        }
        return new Result(rows, oneStandardError(rows), method);
    }

    /**
     * The least error's row, then among the rows within one standard error of it the one whose
     * full-data network has the fewest parameters, the largest lambda on ties.
     */
    static int oneStandardError(List<Row> rows) {
        int best = 0;
        for (int s = 1; s < rows.size(); s++) {
            if (rows.get(s).validationMse() < rows.get(best).validationMse()) {
                best = s;
            }
        }
        double bound = rows.get(best).validationMse() + rows.get(best).validationSe();
        int chosen = best;
        for (int s = 0; s < rows.size(); s++) {
            Row r = rows.get(s);
            if (r.validationMse() <= bound && r.full().nonzeroParameters() <= rows.get(chosen).full().nonzeroParameters()) {
                chosen = s;
            }
        }
        return chosen;
    }

    /** A fold's network at step s; a path that ended earlier (no neuron left) stays at its last network. */
    private static TrainedMultivariate step(List<LambdaPath.Step> path, int s) {
        return path.get(Math.min(s, path.size() - 1)).trained();
    }

    private static double[] squaredErrors(MultivariateNetwork f, MultivariateDataset data, int[] rows) {
        double[] out = new double[rows.length];
        double[] x = data.inputs();
        for (int r = 0; r < rows.length; r++) {
            double e = f.evaluate(x, rows[r] * data.dimension()) - data.y(rows[r]);
            out[r] = e * e;
        }
        return out;
    }

    /**
     * The held-out rows of each part: a seeded shuffle, then every k-th row for k folds, or its
     * first round(fraction n) rows for a holdout. Each part and its complement keep at least one row.
     */
    static int[][] split(int n, Method method, long seed) {
        if (method instanceof Holdout h) {
            int held = (int) Math.round(h.fraction() * n);
            if (held < 1 || held > n - 2) {
                throw new IllegalArgumentException("a holdout of " + h.fraction() + " leaves " + held + " of " + n
                        + " rows to validate: at least 1, and 2 to train, are needed");
            }
            return new int[][] {java.util.Arrays.copyOf(Folds.shuffled(n, seed), held)};
        }
        int k = ((CrossValidation) method).folds();
        if (n < 2 * k) {
            throw new IllegalArgumentException(k + "-fold cross-validation needs at least " + (2 * k) + " rows, found " + n
                    + ": use fewer folds or a holdout, or train at a lambda of your own");
        }
        return Folds.kFold(n, k, seed);
    }

    private static int[] complement(int[] part, int n) {
        boolean[] in = new boolean[n];
        for (int i : part) {
            in[i] = true;
        }
        int[] out = new int[n - part.length];
        for (int i = 0, c = 0; i < n; i++) {
            if (!in[i]) {
                out[c++] = i;
            }
        }
        return out;
    }
}
