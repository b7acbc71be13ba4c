package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.train.LambdaGrid;
import dev.sparsest.train.LambdaSelection;
import dev.sparsest.train.TrainConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The demo's d-D regression on real data: diabetes, the affine model, lambda by 5-fold cross-validation. */
final class RegressionDemo {
    static final int WIDTH = 32;

    private RegressionDemo() {
    }

    /** The shipped diabetes data (442 rows, d = 10; source and licence in the file's comments). */
    static MultivariateDataset diabetes() {
        try (InputStream in = RegressionDemo.class.getResourceAsStream("diabetes.csv")) {
            return CsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), "diabetes.csv").toMultivariateSamples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the selection, prints the path and the choice, plots it into {@code plots} (null: no plot). */
    static void run(PrintStream out, Path plots) throws IOException {
        MultivariateDataset data = diabetes();
        out.println();
        out.println("== Regression on real data: diabetes (scikit-learn's copy; 442 rows, d = 10), the affine model,");
        out.printf(Locale.ROOT, "   width %d, p = 0.4, lambda by 5-fold cross-validation and the one-standard-error rule:%n", WIDTH);
        long t0 = System.nanoTime();
        LambdaSelection.Result r = new LambdaSelection(TrainConfig.defaults().withWidth(WIDTH), LambdaGrid.defaults(), 0)
                .select(data, new LambdaSelection.CrossValidation(5));
        out.print(SelectionReport.table(r).replaceAll("(?m)^", "  "));
        out.print(SelectionReport.verdict(r).replaceAll("(?m)^", "  "));
        out.printf(Locale.ROOT, "     (the last row is the least-squares plane: lambda_max) %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (plots != null) {
            Path file = plots.resolve("diabetes-lambda-path.png");
            SelectionReport.plot(file, "diabetes: nonzero parameters and validation error along lambda (cv:5)", r);
            out.println("   plot: " + file);
        }
    }
}
