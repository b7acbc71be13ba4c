package dev.sparsest.train;

/**
 * Settings of a training run (immutable; the with-methods return changed copies). Defaults are the
 * paper's univariate experiment: p = 0.4, lambda = 0.003, learning rate 0.01, 100 000 epochs,
 * width 80, five warm-up epochs (the proximal step starts at epoch 6), seed 1.
 */
public final class TrainConfig {
    private final double p;
    private final double lambda;
    private final double learningRate;
    private final int epochs;
    private final int width;
    private final int warmupEpochs;
    private final long seed;
    private final double activeThreshold; // NaN: the default of the problem's dimension
    private final Optimizer optimizer;
    private final boolean normalize;
    private final int restarts;
    private final int earlyStop;
    private final int threads;
    private final boolean mergeKnots;

    private TrainConfig(double p, double lambda, double learningRate, int epochs, int width, int warmupEpochs,
                        long seed, double activeThreshold, Optimizer optimizer, boolean normalize, int restarts, int earlyStop, int threads,
                        boolean mergeKnots) {
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
        this.p = p;
        this.lambda = lambda;
        this.learningRate = learningRate;
        this.epochs = epochs;
        this.width = width;
        this.warmupEpochs = warmupEpochs;
        this.seed = seed;
        this.activeThreshold = activeThreshold;
        this.optimizer = optimizer;
        this.normalize = normalize;
        this.restarts = restarts;
        this.earlyStop = earlyStop;
        this.threads = threads;
        this.mergeKnots = mergeKnots;
    }

    public static TrainConfig defaults() {
        return new TrainConfig(0.4, 0.003, 0.01, 100_000, 80, 5, 1, Double.NaN, Optimizer.PROX, false, 1, 0, 0, true);
    }

    public TrainConfig withP(double v) {
        return new TrainConfig(v, lambda, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    public TrainConfig withLambda(double v) {
        return new TrainConfig(p, v, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    public TrainConfig withLearningRate(double v) {
        return new TrainConfig(p, lambda, v, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    public TrainConfig withEpochs(int v) {
        return new TrainConfig(p, lambda, learningRate, v, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    public TrainConfig withWidth(int v) {
        return new TrainConfig(p, lambda, learningRate, epochs, v, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    public TrainConfig withWarmupEpochs(int v) {
        return new TrainConfig(p, lambda, learningRate, epochs, width, v, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    public TrainConfig withSeed(long v) {
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, v, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    /** |v w| above this counts as active (default 1e-8 in 1-D, 1e-6 in d-D, as in the paper). */
    public TrainConfig withActiveThreshold(double v) {
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, seed, v, optimizer, normalize, restarts, earlyStop, threads, mergeKnots);
    }

    public TrainConfig withOptimizer(Optimizer v) {
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, v, normalize, restarts, earlyStop, threads, mergeKnots);
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
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, on, restarts, earlyStop, threads, mergeKnots);
    }

    /**
     * Train this many times, with seeds seed, seed + 1, ..., and keep the best result: one that
     * interpolates after the polish, then the fewest neurons, then the fewest knots added by the
     * polish, then the least l^p cost (1-D only; the d-D trainer runs once). Default 1. Training
     * from random initializations ends in different supports; a few restarts make the sparsest
     * one much likelier (measured in PERF.md, "Agreement with the exact optimum").
     */
    public TrainConfig withRestarts(int v) {
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, v, earlyStop, threads, mergeKnots);
    }

    /**
     * Stop a run early once, checked every {@code window} epochs after the warm-up, the active
     * count is unchanged and the loss moved by at most 0.1% since the last check. 0 (the default)
     * runs all epochs, as the paper did.
     */
    public TrainConfig withEarlyStop(int window) {
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, window, threads, mergeKnots);
    }

    /**
     * Threads that share the data points of each epoch's loss and gradient (the slices' means are
     * combined in a fixed order, so a run is reproducible for a given thread count). 0 (the
     * default): one thread for small problems, all available cores (at most 8) from the sizes where
     * two threads measured faster (PERF.md, "Threads"). Set it for runs that must repeat bit for
     * bit on machines with other core counts.
     */
    public TrainConfig withThreads(int v) {
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, v, mergeKnots);
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
        return new TrainConfig(p, lambda, learningRate, epochs, width, warmupEpochs, seed, activeThreshold, optimizer, normalize, restarts, earlyStop, threads, on);
    }

    public boolean mergeKnots() {
        return mergeKnots;
    }

    public int threads() {
        return threads;
    }

    public int earlyStop() {
        return earlyStop;
    }

    public int restarts() {
        return restarts;
    }

    public boolean normalize() {
        return normalize;
    }

    public double p() {
        return p;
    }

    public double lambda() {
        return lambda;
    }

    public double learningRate() {
        return learningRate;
    }

    public int epochs() {
        return epochs;
    }

    public int width() {
        return width;
    }

    public int warmupEpochs() {
        return warmupEpochs;
    }

    public long seed() {
        return seed;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The active threshold, or {@code dimensionDefault} when none was set. */
    public double activeThreshold(double dimensionDefault) {
        return Double.isNaN(activeThreshold) ? dimensionDefault : activeThreshold;
    }

    @Override
    public String toString() {
        return "TrainConfig[optimizer=" + optimizer + ", p=" + p + ", lambda=" + lambda + ", lr=" + learningRate
                + ", epochs=" + epochs + ", width=" + width + ", warmup=" + warmupEpochs + ", seed=" + seed
                + ", normalize=" + normalize + ", restarts=" + restarts + ", earlyStop=" + earlyStop + ", threads=" + (threads == 0 ? "auto" : threads) + ", mergeKnots=" + mergeKnots + "]";
    }
}
