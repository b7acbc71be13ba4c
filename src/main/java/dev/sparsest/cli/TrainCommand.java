package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateJson;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.train.History;
import dev.sparsest.train.MultivariateTrainer;
import dev.sparsest.train.Optimizer;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainListener;
import dev.sparsest.train.TrainedMultivariate;
import dev.sparsest.train.TrainedUnivariate;
import dev.sparsest.train.TrainingDivergedException;
import dev.sparsest.train.UnivariateTrainer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train", description = "Train a sparse ReLU network by the paper's reweighted l1 (or Adam / AdamW). "
        + "Two columns: univariate (x, y); more: d input columns, then y.", sortOptions = false, mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv")
    Path data;

    @Option(names = "--p", paramLabel = "P", description = "exponent of the l^p path norm, 0 < P <= 1 (default: ${DEFAULT-VALUE})")
    double p = 0.4;

    @Option(names = "--lambda", paramLabel = "L", description = "penalty weight (default: ${DEFAULT-VALUE})")
    double lambda = 0.003;

    @Option(names = "--lr", paramLabel = "G", description = "learning rate (default: ${DEFAULT-VALUE})")
    double lr = 0.01;

    @Option(names = "--epochs", paramLabel = "E", description = "full-batch epochs (default: ${DEFAULT-VALUE})")
    int epochs = 100_000;

    @Option(names = "--width", paramLabel = "K", description = "hidden neurons (default: ${DEFAULT-VALUE})")
    int width = 80;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--warmup", paramLabel = "W", description = "Adam epochs before the proximal step starts (default: ${DEFAULT-VALUE}, the paper's)")
    int warmup = 5;

    @Option(names = "--normalize", description = "train on x mapped to [-1, 1] (1-D; the network is mapped back exactly)")
    boolean normalize;

    @Option(names = "--no-knot-merging", description = "1-D: leave same-sign knots of one data interval to the proximal step, as the paper's Algorithm 1 (default: merged exactly every 64 epochs)")
    boolean noKnotMerging;

    @Option(names = "--restarts", paramLabel = "R", description = "train R times (seeds S, S+1, ...) and keep the sparsest interpolating run (1-D; default: ${DEFAULT-VALUE})")
    int restarts = 1;

    @Option(names = "--early-stop", paramLabel = "WINDOW", description = "stop once the support and the least loss are unchanged over WINDOW epochs (default: off)")
    int earlyStop;

    @Option(names = "--optimizer", paramLabel = "prox|adam|adamw", converter = OptimizerName.class,
            description = "prox (the paper), adam or adamw (default: prox)")
    Optimizer optimizer = Optimizer.PROX;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the trained network as JSON")
    Path output;

    @Option(names = "--log", paramLabel = "METRICS.csv", description = "write epoch, loss, active count as CSV")
    Path log;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "plot the active count against epochs (log scale)")
    Path plot;

    @Option(names = "--checkpoint", paramLabel = "STATE.json", description = "on Ctrl-C or divergence, write the network trained so far here "
            + "(post-processed like a finished run; the last finite state after a divergence); -o is never written then")
    Path checkpoint;

    /** Set while a run is in progress; tests use it to simulate Ctrl-C. */
    volatile Interruption interruption;

    @Override
    public Integer call() throws Exception {
        if (plot != null) {
            PlotWriter.checkFormat(plot);
        }
        TrainConfig config = TrainConfig.defaults().withP(p).withLambda(lambda).withLearningRate(lr).withEpochs(epochs)
                .withWidth(width).withSeed(seed).withOptimizer(optimizer).withWarmupEpochs(warmup)
                .withNormalization(normalize).withRestarts(restarts).withEarlyStop(earlyStop).withKnotMerging(!noKnotMerging);
        NumericTable table = CsvReader.read(data);
        if (table.columnCount() > 2) {
            refuseUnivariateOnly();
        }
        long t0 = System.nanoTime();
        long totalEpochs = table.columnCount() == 2 ? (long) epochs * restarts : epochs;
        try (Interruption stop = new Interruption();
             Progress progress = new Progress(totalEpochs, table.columnCount() == 2 ? "active neurons" : "nonzero params", stop)) {
            interruption = stop;
            try {
                return train(config, table, progress, stop, t0);
            } catch (TrainingDivergedException e) {
                if (checkpoint != null) {
                    AtomicFiles.writeString(checkpoint, e.lastUnivariate().isPresent()
                            ? UnivariateJson.write(UnivariateNetwork.fromNeurons(e.lastUnivariate().get()))
                            : ModelFiles.multivariate(e.lastMultivariate().orElseThrow(), table));
                    System.err.println("sparsest: the last state with a finite loss written to " + checkpoint);
                }
                throw e;
            }
        }
    }

    /** Options that only the 1-D trainer honours, refused for d-D data with their names. */
    private void refuseUnivariateOnly() {
        String option = restarts > 1 ? "--restarts" : normalize ? "--normalize" : noKnotMerging ? "--no-knot-merging" : null;
        if (option != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + " applies to 1-D data only; "
                    + data + " has " + "more than two columns (d-D): leave it out");
        }
    }

    private int train(TrainConfig config, NumericTable table, Progress progress, Interruption stop, long t0) throws IOException {
        History history;
        String json;
        String summary;
        if (table.columnCount() == 2) {
            UnivariateDataset d = table.toUnivariate();
            TrainedUnivariate t = new UnivariateTrainer(config).train(d, progress);
            history = t.history();
            json = UnivariateJson.write(t.network());
            summary = String.format(Locale.ROOT, "%s: %d points, %s%n  neurons %d (raw active %d; exact %s optimum: %d, the fewest possible: %d)%n"
                                    + "  MSE trained %.3g, after merging %.3g, after polish %.3g%s%n",
                    data, d.size(), config, t.network().neurons(), t.activeRaw(), t.exact().penalty().name(),
                    t.exact().neurons(), t.exact().l0LowerBound(), t.mseTrained(), t.mseBeforePolish(), t.mseAfterPolish(),
                    t.knotsAdded() == 0 ? "" : String.format(Locale.ROOT, " (the polish added %d knot(s) the trained ones lacked)", t.knotsAdded()));
        } else {
            MultivariateDataset d = table.toMultivariate();
            TrainedMultivariate t = new MultivariateTrainer(config).train(d, progress);
            history = t.history();
            json = ModelFiles.multivariate(t.network(), table);
            summary = String.format(Locale.ROOT, "%s: %d points in %d dimensions, %s%n  %d nonzero parameters in %d neurons (bound: %d neurons)%n"
                            + "  MSE trained %.3g, after pruning %.3g, after polish %.3g%n",
                    data, d.size(), d.dimension(), config, t.nonzeroParameters(), t.activeNeurons(), d.size(),
                    t.mseTrained(), t.mseBeforePolish(), t.mseAfterPolish());
        }
        if (stop.requested()) {
            int at = history.size() == 0 ? 0 : history.epoch(history.size() - 1);
            if (checkpoint != null) {
                AtomicFiles.writeString(checkpoint, json);
                System.err.println("sparsest: interrupted at epoch " + at + "; the network so far written to " + checkpoint);
            } else {
                System.err.println("sparsest: interrupted at epoch " + at + "; nothing written (--checkpoint FILE keeps the state)");
            }
            return 130;
        }
        System.out.print(summary);
        System.out.printf(Locale.ROOT, "  trained in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        if (output != null) {
            AtomicFiles.writeString(output, json);
            System.out.println("  model written to " + output);
        }
        if (log != null) {
            StringBuilder sb = new StringBuilder("epoch,loss,active\n");
            for (int i = 0; i < history.size(); i++) {
                sb.append(history.epoch(i)).append(',').append(history.loss(i)).append(',').append(history.active(i)).append('\n');
            }
            AtomicFiles.writeString(log, sb.toString());
            System.out.println("  metrics written to " + log);
        }
        if (plot != null) {
            PlotWriter.writeHistory(plot, data.getFileName() + ": " + optimizer + ", p = " + p, history);
            System.out.println("  plot written to " + plot);
        }
        return 0;
    }

    /** {@code --optimizer} by its lower-case name; anything else is a wrong command line (exit 2). */
    static final class OptimizerName implements CommandLine.ITypeConverter<Optimizer> {
        @Override
        public Optimizer convert(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "prox": return Optimizer.PROX;
                case "adam": return Optimizer.ADAM;
                case "adamw": return Optimizer.ADAMW;
                default: throw new CommandLine.TypeConversionException("--optimizer must be prox, adam or adamw: " + name);
            }
        }
    }

    /** A progress bar on stderr when there is a terminal; silent otherwise. */
    private static final class Progress implements TrainListener, AutoCloseable {
        private final ProgressBar bar;
        private final String unit;
        private final Interruption stop;

        Progress(long epochs, String unit, Interruption stop) {
            this.unit = unit;
            this.stop = stop;
            this.bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("training")
                    .setInitialMax(epochs).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .continuousUpdate().build();
        }

        @Override
        public int interval() {
            return 500;
        }

        @Override
        public boolean stopRequested() {
            return stop.requested();
        }

        @Override
        public void onEpoch(int epoch, double loss, int active) {
            if (bar != null) {
                bar.stepTo(epoch);
                bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3g, %d %s", loss, active, unit));
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
