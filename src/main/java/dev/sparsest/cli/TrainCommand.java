package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateJson;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.train.History;
import dev.sparsest.train.LambdaSelection;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.train.MultivariateTrainer;
import dev.sparsest.train.Optimizer;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainListener;
import dev.sparsest.train.TrainedMultivariate;
import dev.sparsest.train.TrainedUnivariate;
import dev.sparsest.train.TrainingDivergedException;
import dev.sparsest.train.UnivariateTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train", description = "Train a sparse ReLU network by the paper's reweighted l1 (or Adam / AdamW). "
        + "Two columns: univariate (x, y); more: d input columns, then y (d-D: by default the affine model, "
        + "lambda chosen by 5-fold cross-validation).", sortOptions = false, mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv")
    Path data;

    @Option(names = "--p", paramLabel = "P", description = "exponent of the l^p path norm, 0 < P <= 1 (default: ${DEFAULT-VALUE})")
    double p = 0.4;

    @Option(names = "--lambda", paramLabel = "L", description = "penalty weight; 1-D default: " + UNIVARIATE_LAMBDA
            + "; d-D: chosen by --select unless given (in standardized units for the affine model)")
    Double lambda;

    @Option(names = "--select", paramLabel = "cv[:K]|holdout[:F]|none", converter = SelectionMethod.class,
            description = "d-D: choose lambda by K-fold cross-validation (default K = 5) or a holdout of the fraction F "
                    + "(default 0.2), the one-standard-error rule toward fewer parameters; none: train at --lambda "
                    + "(default: cv:5 when --lambda is not given)")
    SelectionMethod.Choice select;

    @Option(names = "--model", paramLabel = "affine|paper", converter = ModelName.class,
            description = "d-D: affine (neurons plus an unpenalized a.x + c, trained on standardized data) or paper "
                    + "(neurons only, raw data, as arXiv 2505.21791) (default: affine)")
    MultivariateModel model;

    @Option(names = "--threads", paramLabel = "T", description = "threads: per epoch for one run, lambda paths at once "
            + "for --select (default: 0, automatic; results depend on the seed only for --select, on the seed and T otherwise)")
    int threads;

    @Option(names = "--lr", paramLabel = "G", description = "learning rate (default: ${DEFAULT-VALUE})")
    double lr = 0.01;

    @Option(names = "--epochs", paramLabel = "E", description = "full-batch epochs (default: " + SINGLE_RUN_EPOCHS
            + "; per lambda with --select: the grid's " + "3000)")
    Integer epochs;

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

    @Option(names = "--restarts", paramLabel = "R", description = "train R times (seeds S, S+1, ...) and keep the sparsest interpolating run (1-D, and d-D with --model paper; default: ${DEFAULT-VALUE})")
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

    @Mixin
    FormatOption formatOption;

    @Mixin
    VerboseOption verboseOption;

    static final double UNIVARIATE_LAMBDA = 0.003;
    static final int SINGLE_RUN_EPOCHS = 100_000;

    /** Set while a run is in progress; tests use it to simulate Ctrl-C. */
    volatile Interruption interruption;

    @Override
    public Integer call() throws Exception {
        if (plot != null) {
            PlotWriter.checkFormat(plot);
        }
        NumericTable table = CsvReader.read(data);
        boolean univariate = table.columnCount() == 2;
        if (univariate) {
            refuseMultivariateOnly();
        } else {
            refuseUnivariateOnly();
        }
        Optional<LambdaSelection.Method> method = univariate ? Optional.empty() : selection();
        TrainConfig config = TrainConfig.defaults().withP(p).withLambda(lambda == null ? UNIVARIATE_LAMBDA : lambda)
                .withLearningRate(lr).withEpochs(epochs == null ? SINGLE_RUN_EPOCHS : epochs)
                .withWidth(width).withSeed(seed).withOptimizer(optimizer).withWarmupEpochs(warmup)
                .withNormalization(normalize).withRestarts(restarts).withEarlyStop(earlyStop).withKnotMerging(!noKnotMerging)
                .withThreads(threads).withModel(model == null ? MultivariateModel.AFFINE : model);
        long t0 = System.nanoTime();
        if (method.isPresent()) {
            verboseOption.announceKernels();
            return new SelectionRun(new SelectionRun.Request(data, table, config, method.get(), epochs, threads, output, plot,
                    formatOption.json(), t0), stop -> interruption = stop).call();
        }
        long totalEpochs = (long) config.epochs() * restarts;
        try (Interruption stop = new Interruption();
             Progress progress = new Progress(totalEpochs, table.columnCount() == 2 ? "active neurons" : "nonzero params", stop)) {
            interruption = stop;
            verboseOption.announceKernels(); // after the interruption hook: a test waits for this line before signalling
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
        String option = restarts > 1 && model != MultivariateModel.PAPER ? "--restarts"
                : normalize ? "--normalize" : noKnotMerging ? "--no-knot-merging" : null;
        if (option != null) {
            throw usage(option + " applies to 1-D data" + (option.equals("--restarts") ? " and the d-D paper model" : "") + " only; "
                    + data + " has more than two columns (d-D): leave it out"
                    + (option.equals("--normalize") ? " (the affine model standardizes inputs and target itself)" : "")
                    + (option.equals("--restarts") ? " (with --model paper it applies; for the affine model --select trains a "
                    + "path per fold; to compare seeds, train once per --seed)" : ""));
        }
    }

    /** Options that only d-D training honours, refused for 1-D data with their names. */
    private void refuseMultivariateOnly() {
        String option = select != null ? "--select" : model != null ? "--model" : formatOption.json() ? "--format json" : null;
        if (option != null) {
            throw usage(option + " applies to d-D data only; " + data + " has two columns (1-D): leave it out"
                    + (option.equals("--select") ? " (for 1-D data, `sparsest path` shows every lambda's exact fit)" : "")
                    + (option.equals("--format json") ? " (-o MODEL.json writes the network)" : ""));
        }
    }

    /** The d-D lambda choice: --select, or cv:5 when neither it nor --lambda is given. */
    private Optional<LambdaSelection.Method> selection() {
        Optional<LambdaSelection.Method> chosen = select == null
                ? (lambda == null ? Optional.of(new LambdaSelection.CrossValidation(SelectionMethod.DEFAULT_FOLDS)) : Optional.empty())
                : select.method();
        if (chosen.isPresent() && restarts > 1) {
            throw usage("--restarts trains one lambda several times; choosing lambda (--select, the default without "
                    + "--lambda) trains a path per fold: give --lambda L with --restarts");
        }
        if (chosen.isPresent() && optimizer == Optimizer.ADAM) {
            throw usage("--optimizer adam has no penalty, so every lambda trains the same network: give --select none "
                    + "and any --lambda, or choose prox or adamw");
        }
        if (select != null && chosen.isPresent() && lambda != null) {
            throw usage("--select chooses lambda and --lambda fixes it: give one of them");
        }
        if (chosen.isEmpty() && lambda == null) {
            throw usage("--select none trains at one lambda: give it with --lambda L");
        }
        for (String option : new String[] {"--log", "--checkpoint"}) {
            if (chosen.isPresent() && (option.equals("--log") ? log : checkpoint) != null) {
                throw usage(option + " records one run; choosing lambda (--select, the default without --lambda) trains "
                        + "many: leave it out, or give --lambda L (e.g. the lambda chosen)");
            }
        }
        return chosen;
    }

    /** Relative to max |y|: a larger residual at a data point means the network does not interpolate. */
    private static final double INTERPOLATION_TOLERANCE = 1e-8;

    /** Whether the trained 1-D network passes through every point, said plainly, with the worst residual. */
    static String interpolationLine(UnivariateNetwork f, UnivariateDataset d) {
        double worst = 0;
        int at = 0;
        for (int i = 0; i < d.size(); i++) {
            double r = Math.abs(f.evaluate(d.x(i)) - d.y(i));
            if (r > worst) {
                worst = r;
                at = i;
            }
        }
        if (worst <= INTERPOLATION_TOLERANCE * d.yScale()) {
            return String.format(Locale.ROOT, "  interpolates every point (largest residual %.3g)%n", worst);
        }
        return String.format(Locale.ROOT, "  does not interpolate: residual %.4g at x = %s (y = %s, max |y| %.4g); "
                + "`sparsest fit` gives the exact sparsest interpolant%n", worst, FitReport.num(d.x(at)), FitReport.num(d.y(at)), d.yScale());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
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
                    t.knotsAdded() == 0 ? "" : String.format(Locale.ROOT, " (the polish added %d knot(s) the trained ones lacked)", t.knotsAdded()))
                    + interpolationLine(t.network(), d);
        } else {
            MultivariateDataset d = table.toMultivariateSamples();
            DataWarnings.warn(d, table, config);
            TrainedMultivariate t = new MultivariateTrainer(config).train(d, progress);
            history = t.history();
            json = ModelFiles.multivariate(t.network(), table);
            summary = formatOption.json()
                    ? SelectionReport.json(data, new TrainSummary(config, d.size(), d.dimension(), (System.nanoTime() - t0) / 1e9),
                            config.lambda(), t, ModelFiles.inputs(t.network(), table))
                    : String.format(Locale.ROOT, "%s: %d points in %d dimensions, %s%n  %d nonzero parameters in %d neurons (bound: %d neurons)%n"
                            + "  MSE trained %.3g, after pruning %.3g, after polish %.3g (RMSE %.4g)%n",
                    data, d.size(), d.dimension(), config, t.nonzeroParameters(), t.activeNeurons(), d.size(),
                    t.mseTrained(), t.mseBeforePolish(), t.mseAfterPolish(), Math.sqrt(t.mseAfterPolish()))
                    + L0Run.trainerLine(table, t.network());
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
        PrintStream notes = formatOption.json() ? System.err : System.out; // stdout holds the JSON document alone
        if (!formatOption.json()) {
            notes.printf(Locale.ROOT, "  trained in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        }
        if (output != null) {
            AtomicFiles.writeString(output, json);
            notes.println("  model written to " + output);
        }
        if (log != null) {
            StringBuilder sb = new StringBuilder("epoch,loss,active\n");
            for (int i = 0; i < history.size(); i++) {
                sb.append(history.epoch(i)).append(',').append(history.loss(i)).append(',').append(history.active(i)).append('\n');
            }
            AtomicFiles.writeString(log, sb.toString());
            notes.println("  metrics written to " + log);
        }
        if (plot != null) {
            PlotWriter.writeHistory(plot, data.getFileName() + ": " + optimizer + ", p = " + p, history);
            notes.println("  plot written to " + plot);
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

    /** {@code --model} by its lower-case name. */
    static final class ModelName implements CommandLine.ITypeConverter<MultivariateModel> {
        @Override
        public MultivariateModel convert(String name) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "affine": return MultivariateModel.AFFINE;
                case "paper": return MultivariateModel.PAPER;
                default: throw new CommandLine.TypeConversionException("--model must be affine or paper: " + name);
            }
        }
    }

    /** Training progress on stderr ({@link ProgressDisplay}: a bar on a terminal, a line every few seconds otherwise). */
    static final class Progress implements TrainListener, AutoCloseable {
        private final ProgressDisplay display;
        private final String unit;
        private final Interruption stop;

        Progress(long epochs, String unit, Interruption stop) {
            this.unit = unit;
            this.stop = stop;
            this.display = ProgressDisplay.open("training", epochs, "epochs");
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
            display.stepTo(epoch, String.format(Locale.ROOT, "loss %.3g, %d %s", loss, active, unit));
        }

        @Override
        public void close() {
            display.close();
        }
    }
}
