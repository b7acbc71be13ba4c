package dev.sparsest.train;

import dev.sparsest.data.DatasetNd;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.postprocess.MultivariatePolish;

import java.util.SplittableRandom;

/**
 * The paper's Algorithm 1 for d-D networks without skip term (THEORY.md sections 2-3): the
 * penalized products are v_k w_{k,i} over the weights and the bias; Adam on W and v, then from
 * the epoch after the warm-up the reweighted proximal step with a balanced re-factoring. Adam and
 * AdamW baselines use the same loop. Initialization as PyTorch: hidden weights and biases uniform
 * in (-1/sqrt d, 1/sqrt d), output weights uniform in (-1/sqrt K, 1/sqrt K). An epoch allocates
 * nothing. Bitwise reproducible from the seed, as {@link UnivariateTrainer}.
 */
public final class MultivariateTrainer {
    /** Default |v w| above which a parameter counts as nonzero (the paper's d-D threshold). */
    public static final double ACTIVE_THRESHOLD = 1e-6;

    private final TrainConfig config;
    private final Kernels kernels;

    public MultivariateTrainer(TrainConfig config) {
        this(config, KernelProvider.get());
    }

    /**
     * Refuses the settings this trainer does not honour yet (restarts, normalization), naming
     * them, rather than ignoring them; knot merging is a 1-D notion and has no effect here.
     */
    public MultivariateTrainer(TrainConfig config, Kernels kernels) {
        if (config.restarts() > 1) {
            throw new IllegalArgumentException("restarts (" + config.restarts() + ") are 1-D only so far: train d-D data once per seed");
        }
        if (config.normalize()) {
            throw new IllegalArgumentException("normalization is 1-D only so far: standardize d-D inputs before training");
        }
        this.config = config;
        this.kernels = kernels;
    }

    public TrainedMultivariate train(DatasetNd data) {
        return train(data, TrainListener.none());
    }

    public TrainedMultivariate train(DatasetNd data, TrainListener listener) {
        data.requireTwoPoints();
        int n = data.size();
        int d = data.dimension();
        int k = config.width();
        int m = d + 1;
        double[] x = data.inputs();
        double[] y = data.targets();
        SplittableRandom r = new SplittableRandom(config.seed());
        double[] w = new double[k * m];
        double bound = 1 / Math.sqrt(d);
        for (int e = 0; e < w.length; e++) {
            w[e] = (2 * r.nextDouble() - 1) * bound;
        }
        double[] v = new double[k];
        for (int j = 0; j < k; j++) {
            v[j] = (2 * r.nextDouble() - 1) / Math.sqrt(k);
        }
        double[] gw = new double[k * m], mw = new double[k * m], sw = new double[k * m];
        double[] gv = new double[k], mv = new double[k], sv = new double[k];
        double[] qPrev = new double[k * m];
        double[] lastW = new double[k * m];
        double[] lastV = new double[k];
        double threshold = config.activeThreshold(ACTIVE_THRESHOLD);
        boolean prox = config.optimizer() == Optimizer.PROX;
        double weightDecay = config.optimizer() == Optimizer.ADAMW ? config.lambda() : 0;
        double lr = config.learningRate();
        int epochs = config.epochs();
        History history = History.forEpochs(epochs);
        EarlyStop stop = new EarlyStop(config.earlyStop(), prox ? config.warmupEpochs() : 0, EarlyStop.lossFloor(y));
        double[][] movedPerNeuron = {mv, sv}; // compaction moves these with v and w
        double[][] movedPerRow = {mw, sw};
        try (LossNd lossGrad = new LossNd(x, y, d, k, config.threads() > 0 ? config.threads() : LossNd.autoThreads(n, d, k), kernels)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                if (prox) {
                    kernels.products(v, w, k, m, qPrev);
                }
                double loss = lossGrad.lossGrad(w, v, k, gw, gv);
                if (!Double.isFinite(loss)) {
                    System.arraycopy(lastW, 0, w, 0, w.length);
                    System.arraycopy(lastV, 0, v, 0, k);
                    throw new TrainingDivergedException(epoch, loss, null,
                            new MultivariateNetwork(java.util.Arrays.copyOf(w, k * m), java.util.Arrays.copyOf(v, k), d));
                }
                System.arraycopy(w, 0, lastW, 0, w.length);
                System.arraycopy(v, 0, lastV, 0, k);
                kernels.adam(w, gw, mw, sw, k * m, lr, AdamSettings.BETA1, AdamSettings.BETA2, AdamSettings.EPS, weightDecay, epoch);
                kernels.adam(v, gv, mv, sv, k, lr, AdamSettings.BETA1, AdamSettings.BETA2, AdamSettings.EPS, weightDecay, epoch);
                if (prox && epoch > config.warmupEpochs()) {
                    AdamSettings.PROX_KERNELS.proxStep(v, w, null, k, m, qPrev, config.lambda() * lr, config.p());
                    if (config.p() < 1 && epoch % UnivariateTrainer.COMPACT_EVERY == 0) {
                        k = DeadNeurons.compact(k, m, v, w, movedPerNeuron, movedPerRow);
                    }
                }
                boolean check = stop.observe(epoch, loss);
                boolean record = epoch % history.every() == 0 || epoch == epochs;
                boolean report = epoch % listener.interval() == 0 || epoch == epochs;
                if (record || report || check) {
                    int nonzero = kernels.countNonzero(v, w, k, m, threshold);
                    boolean stopHere = (check && stop.settled(nonzero)) || (report && listener.stopRequested());
                    if (record || stopHere) {
                        history.add(epoch, loss, nonzero);
                    }
                    if (report || stopHere) {
                        listener.onEpoch(epoch, loss, nonzero);
                    }
                    if (stopHere) {
                        break;
                    }
                }
            }
        }
        double[] wk = java.util.Arrays.copyOf(w, k * m), vk = java.util.Arrays.copyOf(v, k);
        return Representable.check(() -> finish(data, wk, vk, threshold, config.p(), history));
    }

    private static TrainedMultivariate finish(DatasetNd data, double[] w, double[] v, double threshold, double p, History history) {
        int d = data.dimension();
        int m = d + 1;
        int k = v.length;
        MultivariateNetwork raw = new MultivariateNetwork(w, v, d);
        // prune products at or below the threshold, then drop neurons left without any
        double[] pw = new double[k * m];
        double[] pv = new double[k];
        int kept = 0;
        for (int j = 0; j < k; j++) {
            boolean any = false;
            for (int t = 0; t < m; t++) {
                double wt = w[j * m + t];
                boolean keep = Math.abs(v[j] * wt) > threshold;
                pw[kept * m + t] = keep ? wt : 0;
                any |= keep;
            }
            if (any) {
                pv[kept] = v[j];
                kept++;
            }
        }
        MultivariateNetwork pruned = new MultivariateNetwork(java.util.Arrays.copyOf(pw, kept * m),
                java.util.Arrays.copyOf(pv, kept), d);
        MultivariateNetwork polished = MultivariatePolish.polish(pruned, data, p);
        double[] inputs = data.inputs();
        Representable.requireFiniteOutputs(i -> polished.evaluate(inputs, i * d), data.size());
        return new TrainedMultivariate(polished, raw, polished.activeNeurons(threshold), polished.nonzeroParameters(threshold),
                MultivariatePolish.mse(raw, data), MultivariatePolish.mse(pruned, data), MultivariatePolish.mse(polished, data), history);
    }
}
