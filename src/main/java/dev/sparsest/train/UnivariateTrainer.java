package dev.sparsest.train;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.data.UnivariateRange;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.model.UnivariateNeurons;
import dev.sparsest.postprocess.KnotCleanup;
import dev.sparsest.postprocess.UnivariateFit;
import dev.sparsest.postprocess.UnivariatePolish;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The paper's Algorithm 1 for univariate networks with a skip term (THEORY.md section 3), and
 * the Adam / AdamW baselines with the same loop. One step per epoch, full batch:
 * <ol>
 *   <li>remember the products q = v w;</li>
 *   <li>one Adam step (betas 0.9 / 0.999, eps 1e-8) on the MSE for w, b, v and the skip (a, c);</li>
 *   <li>PROX, after the warm-up: the reweighted proximal step on the products, re-factoring each
 *       neuron balanced and scaling b with w so its knot stays put (skip and biases unpenalized);
 *       every {@value EpochLoop#COMPACT_EVERY} epochs once the MSE is below {@value #MERGE_GATE} of the variance
 *       of y, unless turned off ({@link TrainConfig#withKnotMerging}), the exact merge of
 *       same-sign knots of one data interval ({@link KnotMerge}).</li>
 * </ol>
 * Initialization as PyTorch's nn.Linear: hidden weights and biases uniform in (-1, 1) (fan-in 1),
 * output weights and the output bias uniform in (-1/sqrt K, 1/sqrt K), the skip slope uniform in
 * (-1, 1). The forward and backward passes use the dense kernels for small problems and the
 * sorted-knot sweep for large ones (PERF.md: the sweep wins from a few dozen neurons on). An epoch
 * allocates nothing ({@link EpochLoop}). A run is bitwise reproducible from its seed on a given
 * kernel implementation and thread count: the vector kernels sum lanes in a fixed order and the
 * proximal step, which needs log and exp, is the reference's on both ({@link
 * dev.sparsest.kernel.StepKernels#proxStep}).
 */
public final class UnivariateTrainer {
    /** Default |v w| above which a neuron counts as active (the paper's 1-D threshold). */
    public static final double ACTIVE_THRESHOLD = 1e-8;

    /**
     * Knots are merged ({@link KnotMerge}) only at epochs whose MSE is at most this times the variance
     * of y: before the network fits, knots of one interval may still be bound for different
     * places (merging from the first epochs cost 10 of 200 exact l0 counts on TrainerAgreementTest's
     * data at the paper's settings; gated, none).
     */
    static final double MERGE_GATE = 1e-5;

    private final TrainConfig config;
    private final Kernels kernels;

    public UnivariateTrainer(TrainConfig config) {
        this(config, KernelProvider.get());
    }

    public UnivariateTrainer(TrainConfig config, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
    }

    public TrainedUnivariate train(UnivariateDataset data) {
        return train(data, TrainListener.none());
    }

    /**
     * Trains {@link TrainConfig#restarts()} times (seeds seed, seed + 1, ...) and returns the best
     * run; the listener sees the epochs of all runs counted on (run r reports r * epochs + e).
     */
    public TrainedUnivariate train(UnivariateDataset data, TrainListener listener) {
        data.requireTwoPoints();
        UnivariateRange.require(data.xs(), data.ys()); // refused as fit and threshold refuse it, before any epoch
        TrainedUnivariate best = null;
        for (int run = 0; run < config.restarts() && (run == 0 || !listener.stopRequested()); run++) {
            TrainedUnivariate t = trainOnce(data, config.seed() + run, listener.countingFrom((long) run * config.epochs()));
            if (best == null || t.isBetterThan(best, UnivariateFit.interpolationFloor(data), config.p())) {
                best = t;
            }
        }
        return best;
    }

    private TrainedUnivariate trainOnce(UnivariateDataset data, long seed, TrainListener listener) {
        int n = data.size();
        int k = config.width();
        Scaling sx = config.normalize() ? Scaling.of(data.xs()) : Scaling.IDENTITY;
        Scaling sy = Scaling.IDENTITY; // y is not scaled: see TrainConfig.withNormalization
        double[] x = sx.apply(data.xs());
        double[] y = sy.apply(data.ys());
        SplittableRandom r = new SplittableRandom(seed);
        ParameterGroup w = ParameterGroup.of(uniform(r, k, 1), 1, 0);
        ParameterGroup b = ParameterGroup.of(uniform(r, k, 1), 1, 0);
        ParameterGroup v = ParameterGroup.of(uniform(r, k, 1 / Math.sqrt(k)), 1, 0);
        ParameterGroup skip = ParameterGroup.of(new double[] {uniform(r, 1, 1)[0], uniform(r, 1, 1 / Math.sqrt(k))[0]}, 0, 2);
        double threshold = config.activeThreshold(ACTIVE_THRESHOLD);
        History history = History.forEpochs(config.epochs());
        EpochLoop loop = new EpochLoop(config, kernels, threshold, 1, w, b, v, skip);
        KnotMerge merge = config.optimizer() == Optimizer.PROX && config.mergeKnots() ? new KnotMerge(x, k) : null;
        double mergeBelow = MERGE_GATE * variance(y); // the gate's scale: an offset in y must not open it before the fit
        double[][] moments = {w.m1(), b.m1(), v.m1(), w.m2(), b.m2(), v.m2()};
        int live;
        try (UnivariateLoss loss = new UnivariateLoss(x, y, k, config.threads() > 0 ? config.threads() : UnivariateLoss.autoThreads(n, k), kernels)) {
            live = loop.run(new EpochLoop.Problem() {
                @Override
                public double lossGrad(int k) {
                    return loss.lossGrad(w.param(), b.param(), v.param(), k, skip.param()[0], skip.param()[1],
                            w.grad(), b.grad(), v.grad(), skip.grad());
                }

                @Override
                public void beforeCompaction(int k, double mse) {
                    if (merge != null && mse <= mergeBelow) {
                        merge.apply(k, w.param(), b.param(), v.param(), skip.param(), moments);
                    }
                }

                @Override
                public TrainingDivergedException diverged(int epoch, double mse, int k) {
                    return new TrainingDivergedException(epoch, mse,
                            toDataUnits(w.param(), b.param(), v.param(), skip.param(), k, sx, sy), null);
                }
            }, k, y, history, listener);
        }
        double[] wk = Arrays.copyOf(w.param(), live), bk = Arrays.copyOf(b.param(), live), vk = Arrays.copyOf(v.param(), live);
        return Representable.check(() -> finish(data, wk, bk, vk, skip.param(), threshold, history, sx, sy));
    }

    private static double variance(double[] y) {
        int n = y.length;
        double mean = 0;
        for (double yi : y) {
            mean += yi / n;
        }
        double variance = 0;
        for (double yi : y) {
            variance += (yi - mean) * (yi - mean) / n;
        }
        return variance;
    }

    private TrainedUnivariate finish(UnivariateDataset data, double[] w, double[] b, double[] v, double[] skip,
                                     double threshold, History history, Scaling sx, Scaling sy) {
        int k = w.length;
        UnivariateNeurons raw = toDataUnits(w, b, v, skip, k, sx, sy);
        // prune by the trained (normalized) products, the scale the threshold was meant for
        double[] pw = new double[k], pb = new double[k], pv = new double[k];
        int active = 0;
        for (int j = 0; j < k; j++) {
            if (Math.abs(v[j] * w[j]) > threshold) {
                pw[active] = w[j];
                pb[active] = b[j];
                pv[active] = v[j];
                active++;
            }
        }
        UnivariateNetwork rawNet = UnivariateNetwork.fromNeurons(raw);
        UnivariateNetwork pruned = UnivariateNetwork.fromNeurons(toDataUnits(pw, pb, pv, skip, active, sx, sy));
        UnivariateNetwork merged = KnotCleanup.apply(pruned, data);
        UnivariatePolish.Result polished = UnivariatePolish.polish(merged, data);
        Representable.requireFiniteOutputs(i -> polished.network().evaluate(data.x(i)), data.size());
        Penalty penalty = config.p() == 1 ? Penalty.l1() : Penalty.lp(config.p());
        return new TrainedUnivariate(polished.network(), raw, active, UnivariateFit.mse(rawNet, data), UnivariateFit.mse(merged, data),
                UnivariateFit.mse(polished.network(), data), polished.knotsAdded(), history, new ChordPathSolver().solve(data, penalty));
    }

    /**
     * The network g(t) = sum v relu(w t + b) + a t + c trained on t = (x - mx) / sx and
     * y = my + sy g, as neurons in data units: w / sx, b - w mx / sx, v sy, and the skip term
     * a sy / sx, my + sy (c - a mx / sx). Exact up to rounding.
     */
    private static UnivariateNeurons toDataUnits(double[] w, double[] b, double[] v, double[] skip, int k, Scaling sx, Scaling sy) {
        double[] w2 = new double[k], b2 = new double[k], v2 = new double[k];
        for (int j = 0; j < k; j++) {
            w2[j] = w[j] / sx.scale;
            b2[j] = b[j] - w[j] * sx.center / sx.scale;
            v2[j] = v[j] * sy.scale;
        }
        double a = skip[0] * sy.scale / sx.scale;
        double c = sy.center + sy.scale * (skip[1] - skip[0] * sx.center / sx.scale);
        return new UnivariateNeurons(w2, b2, v2, a, c);
    }

    private static double[] uniform(SplittableRandom r, int n, double bound) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (2 * r.nextDouble() - 1) * bound;
        }
        return a;
    }
}
