package dev.sparsest.train;

import dev.sparsest.kernel.AdamStep;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.kernel.StepKernels;

import java.util.ArrayList;
import java.util.List;

/**
 * The epoch loop both trainers share (THEORY.md section 3), one full-batch step per epoch:
 * <ol>
 *   <li>remember the products q = v w (PROX);</li>
 *   <li>the loss and its gradients ({@link Problem#lossGrad}); a non-finite loss restores the
 *       parameters of the last finite epoch and ends training with the problem's exception;</li>
 *   <li>one Adam step (betas 0.9 / 0.999, eps 1e-8; AdamW's decay lambda) per parameter group,
 *       in the order w, b, v, then the unpenalized rest;</li>
 *   <li>PROX after the warm-up: the reweighted proximal step on the products (b scaled with w when
 *       given, so 1-D knots stay put), and every {@value #COMPACT_EVERY} epochs the problem's own
 *       work ({@link Problem#beforeCompaction}) and, for p &lt; 1, the compaction of dead neurons
 *       with their moments;</li>
 *   <li>the history, the listener and the early stop, which count the products above the active
 *       threshold only at the epochs where one of them looks.</li>
 * </ol>
 * An epoch allocates nothing.
 */
final class EpochLoop {
    /** Epochs between compactions of dead neurons (they stay dead in the proximal phase). */
    static final int COMPACT_EVERY = 64;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    /** What differs between the problem shapes. */
    interface Problem {
        /** The loss at the current parameters with k neurons; writes the groups' gradients. */
        double lossGrad(int k);

        /** Runs before each compaction epoch's compaction, after the proximal step. */
        default void beforeCompaction(int k, double loss) {
        }

        /** The exception that ends a diverged run; the parameters are those of the last finite epoch. */
        TrainingDivergedException diverged(int epoch, double loss, int k);
    }

    private final TrainConfig config;
    private final StepKernels steps;
    private final double threshold;
    private final int m;
    private final ParameterGroup w, v, b;
    private final ParameterGroup[] adamOrder;
    private final double[][] movedPerNeuron;
    private final double[][] movedPerRow;
    private final double[][] snapshot;
    private final double[] qPrev;
    private int savedK;

    /**
     * @param m     products per neuron (1 in 1-D, d + 1 in d-D)
     * @param w     the input weights, m per neuron
     * @param b     the 1-D biases, scaled with w by the proximal step; null in d-D (bias inside w)
     * @param v     the output weights
     * @param rest  unpenalized groups (the 1-D skip term)
     */
    EpochLoop(TrainConfig config, Kernels kernels, double threshold, int m,
              ParameterGroup w, ParameterGroup b, ParameterGroup v, ParameterGroup... rest) {
        requireLayout(m, w, b, v, rest);
        this.config = config;
        this.steps = kernels.steps();
        this.threshold = threshold;
        this.m = m;
        this.w = w;
        this.b = b;
        this.v = v;
        List<ParameterGroup> order = new ArrayList<>(List.of(w));
        if (b != null) {
            order.add(b);
        }
        order.add(v);
        order.addAll(List.of(rest));
        adamOrder = order.toArray(new ParameterGroup[0]);
        List<double[]> perNeuron = new ArrayList<>(List.of(v.m1(), v.m2()));
        if (b != null) {
            perNeuron.addAll(List.of(b.param(), b.m1(), b.m2()));
        }
        movedPerNeuron = perNeuron.toArray(new double[0][]);
        movedPerRow = new double[][] {w.m1(), w.m2()};
        snapshot = new double[adamOrder.length][];
        for (int g = 0; g < snapshot.length; g++) {
            snapshot[g] = new double[adamOrder[g].param().length];
        }
        qPrev = new double[w.param().length];
    }

    /**
     * Compaction moves w's rows (m per neuron) and every per-neuron array; entries that belong to
     * no neuron sit after the live ones and would move with the width, so they get a group of
     * their own, which compaction leaves alone.
     */
    private static void requireLayout(int m, ParameterGroup w, ParameterGroup b, ParameterGroup v, ParameterGroup[] rest) {
        boolean ok = w.perNeuron() == m && w.outsideNeurons() == 0 && v.perNeuron() == 1 && v.outsideNeurons() == 0
                && (b == null || (b.perNeuron() == 1 && b.outsideNeurons() == 0));
        for (ParameterGroup g : rest) {
            ok &= g.perNeuron() == 0;
        }
        if (!ok) {
            throw new IllegalArgumentException("parameter groups: w needs " + m + " entries per neuron, b and v one, "
                    + "the unpenalized rest none (entries outside the neurons only)");
        }
    }

    /** Trains from k neurons; returns how many are left (the live ones first in every group). */
    int run(Problem problem, int k, double[] y, History history, TrainListener listener) {
        boolean prox = config.optimizer() == Optimizer.PROX;
        double weightDecay = config.optimizer() == Optimizer.ADAMW ? config.lambda() : 0;
        double lr = config.learningRate();
        AdamStep adam = new AdamStep(lr, BETA1, BETA2, EPS, weightDecay);
        int epochs = config.epochs();
        EarlyStop stop = new EarlyStop(config.earlyStop(), prox ? config.warmupEpochs() : 0, EarlyStop.lossFloor(y));
        save(k); // a loss that is not finite at the first epoch gives back the initial parameters
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (prox) {
                steps.products(v.param(), w.param(), k, m, qPrev);
            }
            double loss = problem.lossGrad(k);
            if (!Double.isFinite(loss)) {
                restore();
                throw problem.diverged(epoch, loss, savedK);
            }
            save(k);
            adam.at(epoch);
            for (ParameterGroup g : adamOrder) {
                steps.adam(g.param(), g.grad(), g.m1(), g.m2(), g.length(k), adam);
            }
            if (prox && epoch > config.warmupEpochs()) {
                steps.proxStep(v.param(), w.param(), b == null ? null : b.param(), k, m, qPrev, config.lambda() * lr, config.p());
                if (epoch % COMPACT_EVERY == 0) {
                    problem.beforeCompaction(k, loss);
                    if (config.p() < 1) {
                        k = DeadNeurons.compact(k, m, v.param(), w.param(), movedPerNeuron, movedPerRow);
                    }
                }
            }
            boolean check = stop.observe(epoch, loss);
            boolean record = epoch % history.every() == 0 || epoch == epochs;
            boolean report = epoch % listener.interval() == 0 || epoch == epochs;
            if (record || report || check) {
                int nonzero = steps.countNonzero(v.param(), w.param(), k, m, threshold);
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
        return k;
    }

    /** Keeps the parameters of an epoch whose loss was finite, with their width. */
    private void save(int k) {
        for (int g = 0; g < snapshot.length; g++) {
            ParameterGroup group = adamOrder[g];
            System.arraycopy(group.param(), 0, snapshot[g], 0, group.length(k));
        }
        savedK = k;
    }

    /**
     * Puts them back. Their width, not the current one: a compaction after the save moved the
     * live neurons (before this loop was shared, the 1-D trainer read the saved arrays with the
     * compacted width).
     */
    private void restore() {
        for (int g = 0; g < snapshot.length; g++) {
            ParameterGroup group = adamOrder[g];
            System.arraycopy(snapshot[g], 0, group.param(), 0, group.length(savedK));
        }
    }
}
