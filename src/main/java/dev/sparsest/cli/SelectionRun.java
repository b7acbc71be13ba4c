package dev.sparsest.cli;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.train.LambdaGrid;
import dev.sparsest.train.LambdaSelection;
import dev.sparsest.train.TrainConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Consumer;

/** {@code train} on d-D data with lambda chosen by {@link LambdaSelection}: the path, the table, the files. */
final class SelectionRun {
    /**
     * What the command line asked for.
     *
     * @param epochs  per lambda; null: the grid's default
     * @param output  the model file, or null
     * @param plot    the path's plot, or null
     * @param started {@link System#nanoTime()} when the command started
     */
    record Request(Path data, NumericTable table, TrainConfig config, LambdaSelection.Method method, Integer epochs, int threads,
                   Path output, Path plot, boolean json, long started) {
    }

    private final Request q;
    private final Consumer<Interruption> onStart;

    /** {@code onStart} is given the run's Ctrl-C handler (tests use it to interrupt). */
    SelectionRun(Request request, Consumer<Interruption> onStart) {
        this.q = request;
        this.onStart = onStart;
    }

    int call() throws IOException {
        NumericTable table = q.table();
        TrainConfig config = q.config();
        MultivariateDataset d = table.toMultivariateSamples();
        DataWarnings.warn(d, table, config);
        LambdaGrid grid = q.epochs() == null ? LambdaGrid.defaults() : LambdaGrid.defaults().withEpochs(q.epochs());
        LambdaSelection selection = new LambdaSelection(config, grid, q.threads());
        LambdaSelection.Result r;
        LongAccumulator trained = new LongAccumulator(Math::max, 0);
        try (Interruption stop = new Interruption(); ProgressDisplay progress = ProgressDisplay.open("lambda path", -1, "networks")) {
            onStart.accept(stop);
            try {
                r = selection.select(d, q.method(), stop::requested, runs -> {
                    trained.accumulate(runs);
                    progress.stepTo(trained.get(), null); // the paths' threads report out of order: it never steps back
                });
            } catch (CancellationException e) {
                System.err.println("sparsest: interrupted during the lambda path; nothing written");
                return 130;
            }
        }
        double seconds = (System.nanoTime() - q.started()) / 1e9;
        TrainSummary summary = new TrainSummary(config.withEpochs(grid.epochs()), d.size(), d.dimension(), seconds);
        String model = ModelFiles.multivariate(r.choice().full().network(), table);
        if (q.json()) {
            System.out.println(SelectionReport.json(q.data(), summary, r, ModelFiles.inputs(r.choice().full().network(), table)));
        } else {
            System.out.printf(Locale.ROOT, "%s: %d points in %d dimensions, %s model, p = %s, width %d, %d epochs per lambda, seed %d%n",
                    q.data(), d.size(), d.dimension(), config.model().name().toLowerCase(Locale.ROOT), config.p(), config.width(),
                    grid.epochs(), config.seed());
            System.out.print(SelectionReport.table(r));
            System.out.print(SelectionReport.verdict(r));
            System.out.printf(Locale.ROOT, "  %d networks trained in %.2f s%n", trained.get(), seconds);
        }
        java.io.PrintStream notes = q.json() ? System.err : System.out;
        if (q.output() != null) {
            AtomicFiles.writeString(q.output(), model);
            notes.println("  model written to " + q.output());
        }
        if (q.plot() != null) {
            SelectionReport.plot(q.plot(), q.data().getFileName() + ": nonzero parameters and validation error along lambda ("
                    + SelectionMethod.describe(q.method()) + ")", r);
            notes.println("  plot written to " + q.plot());
        }
        return 0;
    }
}
