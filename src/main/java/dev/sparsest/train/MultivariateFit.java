package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.model.MultivariateNetwork;

import java.util.Arrays;

/**
 * One run of the paper's Algorithm 1 on d-D data (THEORY.md sections 2-3) from a given state: the
 * penalized products are v_k w_{k,i} over the weights and the bias; Adam on W, v and the
 * unpenalized affine part, then from the epoch after the warm-up the reweighted proximal step
 * ({@link EpochLoop}). Fresh Adam moments each run. An epoch allocates nothing; bitwise
 * reproducible for a start, settings and thread count.
 */
final class MultivariateFit {
    private MultivariateFit() {
    }

    /** The state after {@code config.epochs()} epochs (fewer with an early stop) from {@code start}, which is not changed. */
    static MultivariateState run(TrainConfig config, Kernels kernels, double threshold, MultivariateDataset data,
                                 MultivariateState start, History history, TrainListener listener) {
        int n = data.size();
        int d = data.dimension();
        int m = d + 1;
        int k = start.k();
        ParameterGroup w = ParameterGroup.of(Arrays.copyOf(start.w(), k * m), m, 0);
        ParameterGroup v = ParameterGroup.of(Arrays.copyOf(start.v(), k), 1, 0);
        ParameterGroup affine = start.affine() == null ? null : ParameterGroup.of(start.affine().clone(), 0, m);
        EpochLoop loop = affine == null
                ? new EpochLoop(config, kernels, threshold, m, w, null, v)
                : new EpochLoop(config, kernels, threshold, m, w, null, v, affine);
        int threads = config.threads() > 0 ? config.threads() : MultivariateLoss.autoThreads(n, d, k);
        int live;
        try (MultivariateLoss loss = new MultivariateLoss(data.inputs(), data.targets(), d, k, threads, kernels)) {
            live = loop.run(new EpochLoop.Problem() {
                @Override
                public double lossGrad(int k) {
                    return affine == null
                            ? loss.lossGrad(w.param(), v.param(), null, k, w.grad(), v.grad(), null)
                            : loss.lossGrad(w.param(), v.param(), affine.param(), k, w.grad(), v.grad(), affine.grad());
                }

                @Override
                public TrainingDivergedException diverged(int epoch, double mse, int k) {
                    MultivariateState last = new MultivariateState(w.param(), v.param(), affine == null ? null : affine.param(), k, d);
                    return new TrainingDivergedException(epoch, mse, null, last.network());
                }
            }, k, data.targets(), history, listener);
        }
        return new MultivariateState(Arrays.copyOf(w.param(), live * m), Arrays.copyOf(v.param(), live),
                affine == null ? null : affine.param(), live, d);
    }

    /** Products at or below the threshold set to 0, then neurons left without any dropped. */
    static MultivariateNetwork prune(MultivariateNetwork f, double threshold) {
        int d = f.dimension();
        int m = d + 1;
        int k = f.width();
        double[] w = f.weights();
        double[] v = f.outputWeights();
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
        return f.withNeurons(Arrays.copyOf(pw, kept * m), Arrays.copyOf(pv, kept));
    }

    /**
     * {@link #prune} and, in an affine network, the affine coefficients at or below the threshold
     * set to 0 (in standardized units: an effect of at most the threshold per standard deviation).
     */
    static MultivariateNetwork pruneWithAffine(MultivariateNetwork f, double threshold) {
        MultivariateNetwork pruned = prune(f, threshold);
        if (!pruned.hasAffinePart()) {
            return pruned;
        }
        double[] a = pruned.affinePart();
        for (int t = 0; t < a.length; t++) {
            a[t] = Math.abs(a[t]) > threshold ? a[t] : 0;
        }
        return pruned.withAffinePart(a);
    }
}
