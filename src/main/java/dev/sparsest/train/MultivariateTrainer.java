package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.postprocess.MultivariatePolish;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paper's Algorithm 1 for d-D networks without skip term (THEORY.md sections 2-3): the
 * penalized products are v_k w_{k,i} over the weights and the bias; Adam on W and v, then from
 * the epoch after the warm-up the reweighted proximal step with a balanced re-factoring. Adam and
 * AdamW baselines use the same loop ({@link EpochLoop}). Initialization as PyTorch: hidden weights and biases uniform
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

    public TrainedMultivariate train(MultivariateDataset data) {
        return train(data, TrainListener.none());
    }

    public TrainedMultivariate train(MultivariateDataset data, TrainListener listener) {
        data.requireTwoPoints();
        int n = data.size();
        int d = data.dimension();
        int k = config.width();
        int m = d + 1;
        double[] x = data.inputs();
        double[] y = data.targets();
        SplittableRandom r = new SplittableRandom(config.seed());
        double[] w0 = new double[k * m];
        double bound = 1 / Math.sqrt(d);
        for (int e = 0; e < w0.length; e++) {
            w0[e] = (2 * r.nextDouble() - 1) * bound;
        }
        double[] v0 = new double[k];
        for (int j = 0; j < k; j++) {
            v0[j] = (2 * r.nextDouble() - 1) / Math.sqrt(k);
        }
        ParameterGroup w = ParameterGroup.of(w0, m, 0);
        ParameterGroup v = ParameterGroup.of(v0, 1, 0);
        double threshold = config.activeThreshold(ACTIVE_THRESHOLD);
        History history = History.forEpochs(config.epochs());
        EpochLoop loop = new EpochLoop(config, kernels, threshold, m, w, null, v);
        int live;
        try (MultivariateLoss loss = new MultivariateLoss(x, y, d, k, config.threads() > 0 ? config.threads() : MultivariateLoss.autoThreads(n, d, k), kernels)) {
            live = loop.run(new EpochLoop.Problem() {
                @Override
                public double lossGrad(int k) {
                    return loss.lossGrad(w.param(), v.param(), k, w.grad(), v.grad());
                }

                @Override
                public TrainingDivergedException diverged(int epoch, double mse, int k) {
                    return new TrainingDivergedException(epoch, mse, null,
                            new MultivariateNetwork(Arrays.copyOf(w.param(), k * m), Arrays.copyOf(v.param(), k), d));
                }
            }, k, y, history, listener);
        }
        double[] wk = Arrays.copyOf(w.param(), live * m), vk = Arrays.copyOf(v.param(), live);
        return Representable.check(() -> finish(data, wk, vk, threshold, config.p(), history));
    }

    private static TrainedMultivariate finish(MultivariateDataset data, double[] w, double[] v, double threshold, double p, History history) {
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
        MultivariateNetwork pruned = new MultivariateNetwork(Arrays.copyOf(pw, kept * m),
                Arrays.copyOf(pv, kept), d);
        MultivariateNetwork polished = MultivariatePolish.polish(pruned, data, p);
        double[] inputs = data.inputs();
        Representable.requireFiniteOutputs(i -> polished.evaluate(inputs, i * d), data.size());
        return new TrainedMultivariate(polished, raw, polished.activeNeurons(threshold), polished.nonzeroParameters(threshold),
                MultivariatePolish.mse(raw, data), MultivariatePolish.mse(pruned, data), MultivariatePolish.mse(polished, data), history);
    }
}
