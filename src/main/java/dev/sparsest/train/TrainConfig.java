package dev.sparsest.train;

import dev.sparsest.model.MultivariateModel;
import java.util.function.Consumer;

/**
 * Settings of a training run, immutable; the with-methods return changed copies. Defaults are
 * the paper's univariate experiment: p = 0.4, lambda = 0.003, learning rate 0.01, 100 000
 * epochs, width 80, five warm-up epochs (the proximal step starts at epoch 6), seed 1.
 *
 * @param p               the exponent of the l^p path norm, in (0, 1]
 * @param lambda          the penalty weight, finite and &gt;= 0
 * @param learningRate    Adam's learning rate, finite and &gt; 0
 * @param epochs          full-batch steps, &gt;= 0
 * @param width           neurons at the start, &gt;= 1
 * @param warmupEpochs    epochs of plain Adam before the proximal step, &gt;= 0
 * @param seed            the initialization's seed
 * @param activeThreshold |v w| above which a neuron or parameter counts as active; NaN: the
 *                        default of the problem's dimension (1e-8 in 1-D, 1e-6 in d-D)
 * @param optimizer       the reweighted proximal step (PROX) or the Adam / AdamW baselines
 * @param normalize       1-D: train on x mapped to [-1, 1] (refused in d-D)
 * @param restarts        runs from seeds seed, seed + 1, ...; the best is kept (1-D and the d-D paper model; refused above 1 for the affine model)
 * @param earlyStop       the early-stop window in epochs; 0 runs every epoch
 * @param threads         threads per epoch; 0 picks them
 * @param mergeKnots      1-D: merge same-sign knots of one data interval during training
 * @param model           d-D: the affine model (default) or the paper's
 */
public record TrainConfig(double p, double lambda, double learningRate, int epochs, int width, int warmupEpochs,
                          long seed, double activeThreshold, Optimizer optimizer, boolean normalize, int restarts,
                          int earlyStop, int threads, boolean mergeKnots, MultivariateModel model) {

    /** Validates every setting (an {@link IllegalArgumentException} naming it). */
    public TrainConfig {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1]: " + p);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0: " + lambda);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be finite and > 0: " + learningRate);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0: " + epochs);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1: " + width);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warm-up epochs must be >= 0: " + warmupEpochs);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0: automatic): " + threads);
        }
        if (earlyStop < 0) {
            throw new IllegalArgumentException("the early-stop window must be >= 0 epochs: " + earlyStop);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1: " + restarts);
        }
        if (!(Double.isNaN(activeThreshold) || activeThreshold >= 0)) {
            throw new IllegalArgumentException("the active threshold must be >= 0: " + activeThreshold);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("the optimizer must not be null");
        }
        if (model == null) {
            throw new IllegalArgumentException("the model must not be null");
        }
    }

    public static TrainConfig defaults() {
        return new TrainConfig(0.4, 0.003, 0.01, 100_000, 80, 5, 1, Double.NaN, Optimizer.PROX, false, 1, 0, 0, true, MultivariateModel.AFFINE);
    }

    public TrainConfig withP(double v) {
        return with(b -> b.p = v);
    }

    public TrainConfig withLambda(double v) {
        return with(b -> b.lambda = v);
    }

    public TrainConfig withLearningRate(double v) {
        return with(b -> b.learningRate = v);
    }

    public TrainConfig withEpochs(int v) {
        return with(b -> b.epochs = v);
    }

    public TrainConfig withWidth(int v) {
        return with(b -> b.width = v);
    }

    public TrainConfig withWarmupEpochs(int v) {
        return with(b -> b.warmupEpochs = v);
    }

    public TrainConfig withSeed(long v) {
        return with(b -> b.seed = v);
    }

    /** |v w| above this counts as active (default 1e-8 in 1-D, 1e-6 in d-D, as in the paper). */
    public TrainConfig withActiveThreshold(double v) {
        return with(b -> b.activeThreshold = v);
    }

    public TrainConfig withOptimizer(Optimizer v) {
        return with(b -> b.optimizer = v);
    }

    /**
     * Train on x mapped to [-1, 1] (centred at the midrange, scaled by the half-range) and map the
     * network back exactly; y is left as it is, since scaling it changes the balance between fit
     * and penalty at a fixed lambda. Off by default (the paper ran on raw data). It helps when the
     * data lie away from the origin, where the initial knots (near [-1, 1]) miss them: on 60 random
     * datasets with x in [0, 12] and a 20 000-epoch warm-up, 51 reached the exact l0 count with it
     * (lambda = 0.03) against 44 without (lambda = 0.01, the best found there).
     */
    public TrainConfig withNormalization(boolean on) {
        return with(b -> b.normalize = on);
    }

    /**
     * Train this many times, with seeds seed, seed + 1, ..., and keep the best result: one that
     * interpolates after the polish, then the fewest neurons, then the fewest knots added by the
     * polish, then the least l^p cost (1-D only; the d-D trainer runs once). Default 1. Training
     * from random initializations ends in different supports; a few restarts make the sparsest
     * one much likelier (measured in PERF.md, "Agreement with the exact optimum").
     */
    public TrainConfig withRestarts(int v) {
        return with(b -> b.restarts = v);
    }

    /**
     * Stop a run early once, checked every {@code window} epochs after the warm-up, the active
     * count is unchanged and the loss moved by at most 0.1% since the last check. 0 (the default)
     * runs all epochs, as the paper did.
     */
    public TrainConfig withEarlyStop(int window) {
        return with(b -> b.earlyStop = window);
    }

    /**
     * Threads that share the data points of each epoch's loss and gradient (the slices' means are
     * combined in a fixed order, so a run is reproducible for a given thread count). 0 (the
     * default): one thread for small problems, all available cores (at most 8) from the sizes where
     * two threads measured faster (PERF.md, "Threads"). Set it for runs that must repeat bit for
     * bit on machines with other core counts.
     */
    public TrainConfig withThreads(int v) {
        return with(b -> b.threads = v);
    }

    /**
     * Merge, every 64 epochs of the proximal phase once the network fits (1-D, PROX only), same-sign
     * knots that lie in one data interval into one knot at their barycentre, exactly on the data
     * ({@code KnotMerge}). On by default. The paper's Algorithm 1 has no such step: it leaves a
     * split knot to the proximal step, which resolves it slowly (the paper's 1-D experiment, seeds
     * 1-100: of the 96 runs that fit, 13 end at the 3-neuron optimum after 100 000 epochs without
     * the merge, 72 at 4 and 11 at 5; with it all 96 end at 3). Off gives the plain algorithm.
     */
    public TrainConfig withKnotMerging(boolean on) {
        return with(b -> b.mergeKnots = on);
    }

    /**
     * d-D: the affine model (the default; trained on standardized data, mapped back exactly) or
     * the paper's neurons-only model in raw units ({@link MultivariateModel}). 1-D training has
     * one model, the paper's with its skip term, and ignores this.
     */
    public TrainConfig withModel(MultivariateModel v) {
        return with(b -> b.model = v);
    }

    /** The active threshold, or {@code dimensionDefault} when none was set (the component is NaN then). */
    public double activeThreshold(double dimensionDefault) {
        return Double.isNaN(activeThreshold) ? dimensionDefault : activeThreshold;
    }

    /** A copy with one change: the with-methods name the setting, this builds the record once. */
    private TrainConfig with(Consumer<Settings> change) {
        Settings b = new Settings(this);
        change.accept(b);
        return new TrainConfig(b.p, b.lambda, b.learningRate, b.epochs, b.width, b.warmupEpochs, b.seed, b.activeThreshold,
                b.optimizer, b.normalize, b.restarts, b.earlyStop, b.threads, b.mergeKnots, b.model);
    }

    /** The settings as mutable fields, for {@link #with}. */
    private static final class Settings {
        double p;
        double lambda;
        double learningRate;
        int epochs;
        int width;
        int warmupEpochs;
        long seed;
        double activeThreshold;
        Optimizer optimizer;
        boolean normalize;
        int restarts;
        int earlyStop;
        int threads;
        boolean mergeKnots;
        MultivariateModel model;

        Settings(TrainConfig c) {
            p = c.p;
            lambda = c.lambda;
            learningRate = c.learningRate;
            epochs = c.epochs;
            width = c.width;
            warmupEpochs = c.warmupEpochs;
            seed = c.seed;
            activeThreshold = c.activeThreshold;
            optimizer = c.optimizer;
            normalize = c.normalize;
            restarts = c.restarts;
            earlyStop = c.earlyStop;
            threads = c.threads;
            mergeKnots = c.mergeKnots;
            model = c.model;
        }
    }

    @Override
    public String toString() {
        return "TrainConfig[optimizer=" + optimizer + ", p=" + p + ", lambda=" + lambda + ", lr=" + learningRate
                + ", epochs=" + epochs + ", width=" + width + ", warmup=" + warmupEpochs + ", seed=" + seed
                + ", normalize=" + normalize + ", restarts=" + restarts + ", earlyStop=" + earlyStop + ", threads=" + (threads == 0 ? "auto" : threads) + ", mergeKnots=" + mergeKnots + ", model=" + model + "]";
    }
}
