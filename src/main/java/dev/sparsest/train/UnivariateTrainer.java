package dev.sparsest.train;

import dev.sparsest.data.Dataset1D;
import dev.sparsest.data.DoubleRange1D;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.model.Neurons1D;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.postprocess.Fit1D;
import dev.sparsest.postprocess.KnotCleanup;
import dev.sparsest.postprocess.Polish;

import java.util.SplittableRandom;

/**
 * The paper's Algorithm 1 for univariate networks with a skip term (THEORY.md section 3), and
 * the Adam / AdamW baselines with the same loop. One step per epoch, full batch:
 * <ol>
 *   <li>remember the products q = v w;</li>
 *   <li>one Adam step (betas 0.9 / 0.999, eps 1e-8) on the MSE for w, b, v and the skip (a, c);</li>
 *   <li>PROX, after the warm-up: the reweighted proximal step on the products, re-factoring each
 *       neuron balanced and scaling b with w so its knot stays put (skip and biases unpenalized);
 *       every {@value #COMPACT_EVERY} epochs once the MSE is below {@value #MERGE_GATE} of the variance
 *       of y, unless turned off ({@link TrainConfig#withKnotMerging}), the exact merge of
 *       same-sign knots of one data interval ({@link KnotMerge}).</li>
 * </ol>
 * Initialization as PyTorch's nn.Linear: hidden weights and biases uniform in (-1, 1) (fan-in 1),
 * output weights and the output bias uniform in (-1/sqrt K, 1/sqrt K), the skip slope uniform in
 * (-1, 1). The forward and backward passes use the dense kernels for small problems and the
 * sorted-knot sweep for large ones (PERF.md: the sweep wins from a few dozen neurons on). An epoch
 * allocates nothing. A run is bitwise reproducible from its seed on a given kernel implementation
 * (single-threaded): the vector kernels sum lanes in a fixed order and the proximal step, which
 * needs log and exp, runs on the scalar kernels.
 */
public final class UnivariateTrainer {
    /** Default |v w| above which a neuron counts as active (the paper's 1-D threshold). */
    public static final double ACTIVE_THRESHOLD = 1e-8;

    /** Epochs between compactions of dead neurons (they stay dead in the proximal phase). */
    static final int COMPACT_EVERY = 64;
    /**
     * Knots are merged ({@link KnotMerge}) only at epochs whose MSE is at most this times the variance
     * of y: before the network fits, knots of one interval may still be bound for different
     * places (merging from the first epochs cost 10 of 200 exact l0 counts on TrainerAgreementTest's
     * data at the paper's settings; gated, none).
     */
    static final double MERGE_GATE = 1e-5;
    private static final double[][] NO_ROWS = new double[0][];

    private final TrainConfig config;
    private final Kernels kernels;

    public UnivariateTrainer(TrainConfig config) {
        this(config, KernelProvider.get());
    }

    public UnivariateTrainer(TrainConfig config, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
    }

    public TrainedUnivariate train(Dataset1D data) {
        return train(data, TrainListener.none());
    }

    /**
     * Trains {@link TrainConfig#restarts()} times (seeds seed, seed + 1, ...) and returns the best
     * run; the listener sees the epochs of all runs counted on (run r reports r * epochs + e).
     */
    public TrainedUnivariate train(Dataset1D data, TrainListener listener) {
        data.requireTwoPoints();
        DoubleRange1D.require(data.xs(), data.ys()); // refused as fit and threshold refuse it, before any epoch
        TrainedUnivariate best = null;
        for (int run = 0; run < config.restarts() && (run == 0 || !listener.stopRequested()); run++) {
            TrainedUnivariate t = trainOnce(data, config.seed() + run, listener.countingFrom((long) run * config.epochs()));
            if (best == null || t.isBetterThan(best, Fit1D.interpolationFloor(data), config.p())) {
                best = t;
            }
        }
        return best;
    }

    private TrainedUnivariate trainOnce(Dataset1D data, long seed, TrainListener listener) {
        int n = data.size();
        int k = config.width();
        Scaling sx = config.normalize() ? Scaling.of(data.xs()) : Scaling.IDENTITY;
        Scaling sy = Scaling.IDENTITY; // y is not scaled: see TrainConfig.withNormalization
        double[] x = sx.apply(data.xs());
        double[] y = sy.apply(data.ys());
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = uniform(r, k, 1);
        double[] b = uniform(r, k, 1);
        double[] v = uniform(r, k, 1 / Math.sqrt(k));
        double[] skip = {uniform(r, 1, 1)[0], uniform(r, 1, 1 / Math.sqrt(k))[0]};
        double[] gw = new double[k], gb = new double[k], gv = new double[k], gs = new double[2];
        double[] mw = new double[k], mb = new double[k], mv = new double[k], ms = new double[2];
        double[] sw = new double[k], sb = new double[k], sv = new double[k], ss = new double[2];
        double[] qPrev = new double[k];
        Snapshot last = new Snapshot(k);
        double threshold = config.activeThreshold(ACTIVE_THRESHOLD);
        boolean prox = config.optimizer() == Optimizer.PROX;
        double weightDecay = config.optimizer() == Optimizer.ADAMW ? config.lambda() : 0;
        double lr = config.learningRate();
        int epochs = config.epochs();
        History history = History.forEpochs(epochs);
        EarlyStop stop = new EarlyStop(config.earlyStop(), prox ? config.warmupEpochs() : 0, EarlyStop.lossFloor(y));
        double[][] movedWithNeurons = {b, mw, mb, mv, sw, sb, sv}; // compaction moves these with v and w
        double[][] moments = {mw, mb, mv, sw, sb, sv};
        double yMean = 0;
        for (double yi : y) {
            yMean += yi / n;
        }
        double yVariance = 0; // the gate's scale: an offset in y must not open it before the fit
        for (double yi : y) {
            yVariance += (yi - yMean) * (yi - yMean) / n;
        }
        KnotMerge merge = prox && config.mergeKnots() ? new KnotMerge(x, k) : null;
        double loss = Double.NaN;
        try (Loss1D lossGrad = new Loss1D(x, y, k, config.threads() > 0 ? config.threads() : Loss1D.autoThreads(n, k), kernels)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                if (prox) {
                    kernels.products(v, w, k, 1, qPrev);
                }
                loss = lossGrad.lossGrad(w, b, v, k, skip[0], skip[1], gw, gb, gv, gs);
                if (!Double.isFinite(loss)) {
                    last.restore(w, b, v, skip);
                    throw new TrainingDivergedException(epoch, loss, toDataUnits(w, b, v, skip, k, sx, sy), null);
                }
                last.save(w, b, v, skip);
                kernels.adam(w, gw, mw, sw, k, lr, AdamSettings.BETA1, AdamSettings.BETA2, AdamSettings.EPS, weightDecay, epoch);
                kernels.adam(b, gb, mb, sb, k, lr, AdamSettings.BETA1, AdamSettings.BETA2, AdamSettings.EPS, weightDecay, epoch);
                kernels.adam(v, gv, mv, sv, k, lr, AdamSettings.BETA1, AdamSettings.BETA2, AdamSettings.EPS, weightDecay, epoch);
                kernels.adam(skip, gs, ms, ss, 2, lr, AdamSettings.BETA1, AdamSettings.BETA2, AdamSettings.EPS, weightDecay, epoch);
                if (prox && epoch > config.warmupEpochs()) {
                    AdamSettings.PROX_KERNELS.proxStep(v, w, b, k, 1, qPrev, config.lambda() * lr, config.p());
                    if (epoch % COMPACT_EVERY == 0) {
                        if (merge != null && loss <= MERGE_GATE * yVariance) {
                            merge.apply(k, w, b, v, skip, moments);
                        }
                        if (config.p() < 1) {
                            k = DeadNeurons.compact(k, 1, v, w, movedWithNeurons, NO_ROWS);
                        }
                    }
                }
                boolean check = stop.observe(epoch, loss);
                boolean record = epoch % history.every() == 0 || epoch == epochs;
                boolean report = epoch % listener.interval() == 0 || epoch == epochs;
                if (record || report || check) {
                    int active = kernels.countNonzero(v, w, k, 1, threshold);
                    boolean stopHere = (check && stop.settled(active)) || (report && listener.stopRequested());
                    if (record || stopHere) {
                        history.add(epoch, loss, active);
                    }
                    if (report || stopHere) {
                        listener.onEpoch(epoch, loss, active);
                    }
                    if (stopHere) {
                        break;
                    }
                }
            }
        }
        double[] wk = java.util.Arrays.copyOf(w, k), bk = java.util.Arrays.copyOf(b, k), vk = java.util.Arrays.copyOf(v, k);
        return Representable.check(() -> finish(data, wk, bk, vk, skip, threshold, history, sx, sy));
    }

    private TrainedUnivariate finish(Dataset1D data, double[] w, double[] b, double[] v, double[] skip,
                                     double threshold, History history, Scaling sx, Scaling sy) {
        int k = w.length;
        Neurons1D raw = toDataUnits(w, b, v, skip, k, sx, sy);
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
        Polish.Result polished = Polish.polish(merged, data);
        Representable.requireFiniteOutputs(i -> polished.network().evaluate(data.x(i)), data.size());
        Penalty penalty = config.p() == 1 ? Penalty.l1() : Penalty.lp(config.p());
        return new TrainedUnivariate(polished.network(), raw, active, Fit1D.mse(rawNet, data), Fit1D.mse(merged, data),
                Fit1D.mse(polished.network(), data), polished.knotsAdded(), history, new ChordPathSolver().solve(data, penalty));
    }

    /**
     * The network g(t) = sum v relu(w t + b) + a t + c trained on t = (x - mx) / sx and
     * y = my + sy g, as neurons in data units: w / sx, b - w mx / sx, v sy, and the skip term
     * a sy / sx, my + sy (c - a mx / sx). Exact up to rounding.
     */
    private static Neurons1D toDataUnits(double[] w, double[] b, double[] v, double[] skip, int k, Scaling sx, Scaling sy) {
        double[] w2 = new double[k], b2 = new double[k], v2 = new double[k];
        for (int j = 0; j < k; j++) {
            w2[j] = w[j] / sx.scale;
            b2[j] = b[j] - w[j] * sx.center / sx.scale;
            v2[j] = v[j] * sy.scale;
        }
        double a = skip[0] * sy.scale / sx.scale;
        double c = sy.center + sy.scale * (skip[1] - skip[0] * sx.center / sx.scale);
        return new Neurons1D(w2, b2, v2, a, c);
    }

    private static double[] uniform(SplittableRandom r, int n, double bound) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (2 * r.nextDouble() - 1) * bound;
        }
        return a;
    }

    /** The parameters of the last epoch whose loss was finite. */
    private static final class Snapshot {
        final double[] w, b, v, skip;

        Snapshot(int k) {
            w = new double[k];
            b = new double[k];
            v = new double[k];
            skip = new double[2];
        }

        void save(double[] w0, double[] b0, double[] v0, double[] s0) {
            System.arraycopy(w0, 0, w, 0, w.length);
            System.arraycopy(b0, 0, b, 0, b.length);
            System.arraycopy(v0, 0, v, 0, v.length);
            System.arraycopy(s0, 0, skip, 0, 2);
        }

        void restore(double[] w0, double[] b0, double[] v0, double[] s0) {
            System.arraycopy(w, 0, w0, 0, w.length);
            System.arraycopy(b, 0, b0, 0, b.length);
            System.arraycopy(v, 0, v0, 0, v.length);
            System.arraycopy(skip, 0, s0, 0, 2);
        }
    }
}
