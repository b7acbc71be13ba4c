package dev.sparsest.cli;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.train.History;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.train.MultivariateTrainer;
import dev.sparsest.train.Optimizer;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainedMultivariate;
import dev.sparsest.train.TrainedUnivariate;
import dev.sparsest.train.UnivariateTrainer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The paper's two training experiments, side by side for p = 0.4, 0.7, 1, Adam and AdamW: the raw
 * counts during training (active neurons in 1-D, nonzero parameters in d-D) at epochs 5k ... 100k
 * and the raw MSE, then the count and MSE after post-processing. In 1-D the paper's Algorithm 1
 * as published (no knot merging in training) runs beside the default.
 */
final class PaperExperiments {
    private static final int[] CHECKPOINTS = {5_000, 10_000, 25_000, 50_000, 100_000};

    private PaperExperiments() {
    }

    /** The runs of one experiment: label, optimizer, p, knot merging in training (1-D). */
    private static final Object[][] RUNS = {
        {"p = 0.4", Optimizer.PROX, 0.4, true}, {"p = 0.7", Optimizer.PROX, 0.7, true}, {"p = 1", Optimizer.PROX, 1.0, true},
        {"Adam", Optimizer.ADAM, 0.4, true}, {"AdamW", Optimizer.ADAMW, 0.4, true},
    };
    /** The paper's Algorithm 1 as published (1-D): the proximal step alone resolves split knots. */
    private static final Object[][] PLAIN_RUNS = {
        {"0.4 plain", Optimizer.PROX, 0.4, false}, {"0.7 plain", Optimizer.PROX, 0.7, false}, {"1 plain", Optimizer.PROX, 1.0, false},
    };

    static void univariate(PrintStream out) {
        UnivariateDataset data = DemoData.peakPlateau().data();
        TrainConfig base = TrainConfig.defaults(); // K = 80, lambda = 0.003, lr = 0.01, 100k epochs
        out.println("   training, K = 80, lambda = 0.003, lr = 0.01, seed 1 (raw: active neurons, |v w| > 1e-8, and MSE during");
        out.println("   training; post: after pruning, merging and the polish; plain: Algorithm 1 as published, without the");
        out.println("   exact knot merge in training):");
        header(out);
        int exact = -1;
        for (Object[][] runs : new Object[][][] {RUNS, PLAIN_RUNS}) {
            for (Object[] run : runs) {
                long t0 = System.nanoTime();
                TrainConfig config = base.withOptimizer((Optimizer) run[1]).withP((Double) run[2]).withKnotMerging((Boolean) run[3]);
                TrainedUnivariate t = new UnivariateTrainer(config).train(data);
                row(out, (String) run[0], t.history(), t.mseTrained(), t.network().neurons(), t.mseAfterPolish(), t0);
                exact = t.exact().neurons();
            }
        }
        out.println("   exact optimum (chord path): " + exact + " neurons");
    }

    static void multivariate(PrintStream out) {
        MultivariateDataset data = paperNd();
        TrainConfig base = TrainConfig.defaults().withWidth(100).withLambda(0.005).withModel(MultivariateModel.PAPER);
        out.println();
        out.println("== The paper's high-dimensional experiment: N = 10, d = 50, x and y uniform in [-1, 1], seed 7");
        out.println("   training, K = 100, lambda = 0.005, lr = 0.01 (raw: nonzero parameters, |v w| > 1e-6, and MSE during");
        out.println("   training; post: after pruning, refit and neuron reduction; bound 2N = 20):");
        header(out);
        for (Object[] run : RUNS) {
            long t0 = System.nanoTime();
            TrainedMultivariate t = new MultivariateTrainer(base.withOptimizer((Optimizer) run[1]).withP((Double) run[2])).train(data);
            row(out, (String) run[0], t.history(), t.mseTrained(), t.nonzeroParameters(), t.mseAfterPolish(), t0);
        }
    }

    static MultivariateDataset paperNd() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[10][50];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            for (int t = 0; t < 50; t++) {
                x[i][t] = 2 * r.nextDouble() - 1;
            }
            y[i] = 2 * r.nextDouble() - 1;
        }
        return MultivariateDataset.of(x, y);
    }

    private static void header(PrintStream out) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "   %-9s", "run"));
        for (int e : CHECKPOINTS) {
            sb.append(String.format(Locale.ROOT, "%7s", e / 1000 + "k"));
        }
        sb.append(String.format(Locale.ROOT, "%11s %6s %11s %7s", "raw MSE", "post", "post MSE", "time"));
        out.println(sb);
    }

    private static void row(PrintStream out, String label, History h, double mse, int finalCount, double polished, long t0) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "   %-9s", label));
        for (int e : CHECKPOINTS) {
            sb.append(String.format(Locale.ROOT, "%7d", h.activeAt(e)));
        }
        sb.append(String.format(Locale.ROOT, "%11.2e %6d %11.2e %6.1fs", mse, finalCount, polished, (System.nanoTime() - t0) / 1e9));
        out.println(sb);
    }
}
