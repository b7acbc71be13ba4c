package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.data.NumericTable;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordGeometry;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.model.Shape;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.KnotBudget;
import dev.sparsest.noisy.KnotBudgetLeastSquares;
import dev.sparsest.noisy.KnotCountCrossValidation;
import dev.sparsest.noisy.KnotCountSelection;
import dev.sparsest.noisy.PenalizedFit;
import dev.sparsest.noisy.PenalizedSolver;
import dev.sparsest.noisy.TubeFit;
import dev.sparsest.noisy.TubeSolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "fit", description = {"The exact sparsest (l0), l^p-optimal or l1-optimal interpolant of (x, y) data;",
        "for noisy data: the fewest-knot fit inside a tube (--tube) or the exact l1-penalized fit (--lambda)."},
        sortOptions = false, mixinStandardHelpOptions = true)
final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "two columns x, y (comma or whitespace separated, optional header, # comments)")
    Path data;

    @ArgGroup(exclusive = true)
    PenaltyOptions penaltyOptions = new PenaltyOptions();

    @Option(names = "--tube", paramLabel = "EPS|col3", description = "noisy data: fewest knots with |f(x_i) - y_i| <= EPS "
            + "(or per row, from a third CSV column, with col3)")
    String tube;

    @Option(names = "--lambda", paramLabel = "L", description = "noisy data: minimize RSS/2 + L * (l1 path norm), exactly; "
            + "see `sparsest path` to choose L")
    Double lambda;

    @Option(names = "--knots", paramLabel = "K", description = "at most K knots, the least maximum error |f(x_i) - y_i| "
            + "(the smallest tube that K knots fit), exactly")
    Integer knots;

    @Option(names = "--least-squares", description = "with --knots K: the least RSS over the rows with at most K knots "
            + "(a local optimum: free knots refined from the penalized path's), instead of the least maximum error")
    boolean leastSquares;

    @Option(names = "--select", paramLabel = "bic|cv[:K]", description = "choose the number of knots: fits with 0, 1, 2, ... "
            + "knots scored by BIC (least squares) or by K-fold cross-validation over the rows (default K = 5, one-SE rule), "
            + "up to --max-knots")
    String select;

    @Option(names = "--max-knots", paramLabel = "M", description = "with --select: the most knots tried (default: 20)")
    Integer maxKnots;

    @Option(names = "--minimax", description = "with --select cv: choose among the least-maximum-error fits (the tube's EPS "
            + "that each knot count just fits) instead of least squares")
    boolean minimax;

    @Option(names = "--seed", paramLabel = "S", description = "with --select cv: the seed of the folds (default: 1)")
    Long seed;

    @Option(names = "--shape", paramLabel = "increasing|decreasing|convex|concave", converter = ShapeName.class,
            description = "keep the fit monotone, convex or concave: interpolation (data of that shape; otherwise an error "
                    + "naming where they break it) and --tube (increasing or decreasing)")
    Shape shape;

    @Option(names = "--tol", paramLabel = "T", description = "collinearity tolerance, relative to the slopes' rounding error (default: ${DEFAULT-VALUE})")
    double tolerance = ChordGeometry.DEFAULT_TOLERANCE;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the network (and its certificate) as JSON")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "plot data, interpolant and knots")
    Path plot;

    @Option(names = "--group-by", paramLabel = "COLUMN", description = "fit every group of rows: COLUMN (a header name or a "
            + "number from 1) holds the group, the next columns x, y (and eps with --tube col3); one CSV row per group, "
            + "or JSON lines with --format json, to stdout or -o FILE")
    String groupBy;

    @Option(names = "--threads", paramLabel = "T", description = "with --group-by: threads fitting groups (default: the cores)")
    Integer threads;

    @Mixin
    FormatOption formatOption;

    @Override
    public Integer call() throws Exception {
        if (plot != null) {
            PlotWriter.checkFormat(plot); // fail before the work, not after
        }
        if (groupBy != null) {
            return grouped();
        }
        if (threads != null) {
            throw new IllegalArgumentException("--threads applies to --group-by (one fit uses one thread)");
        }
        if (select != null) {
            return selectKnots();
        }
        if (maxKnots != null || minimax || seed != null) {
            throw new IllegalArgumentException((maxKnots != null ? "--max-knots" : minimax ? "--minimax" : "--seed")
                    + " goes with --select; for a fit with at most K knots use --knots K");
        }
        if (shape != null && (knots != null || leastSquares || lambda != null)) {
            throw new IllegalArgumentException("--shape keeps interpolants and tube fits (--tube, increasing or decreasing);"
                    + " --knots, --least-squares and --lambda fits do not take a shape yet");
        }
        if (knots != null || leastSquares) {
            return knotBudget();
        }
        if (tube != null || lambda != null) {
            return noisy();
        }
        ChordPathSolver solver = new ChordPathSolver(tolerance);
        NumericTable table = CsvReader.read(data);
        UnivariateDataset d = table.toUnivariate();
        long t0 = System.nanoTime();
        ExactSolution s = solver.solve(d, penaltyOptions.penalty());
        double millis = (System.nanoTime() - t0) / 1e6;
        Shape kept = shape == null ? Shape.ANY : shape;
        requireShapedData(d, kept, s.network());
        String report = FitReport.table(s, data.toString(), d.size(), millis, 40);
        if (kept != Shape.ANY) {
            report += "  shape        " + kept.label() + "   (the data are " + kept.label() + ", and so is this optimum: the"
                    + " shape costs no knot)\n";
        }
        if (d.mergedDuplicates() > 0) {
            report += "  (" + d.mergedDuplicates() + " exact duplicate points merged)\n";
        }
        return finish(FitReport.json(s, d.size(), kept), report, data.getFileName() + ": " + s.penalty().name() + " optimum",
                PlotWriter.Rows.of(table, null), s.network());
    }

    /**
     * Interpolants keep a shape exactly when the data have it (the sparsest interpolant of
     * monotone, convex or concave data is built of their chords); otherwise no function of that
     * shape passes through every point: refused, naming where the data break it.
     */
    private static void requireShapedData(UnivariateDataset d, Shape shape, UnivariateNetwork optimum) {
        String broken = shape.violation(optimum);
        if (broken == null) {
            return;
        }
        String where = null;
        for (int i = 0; i + 1 < d.size() && where == null; i++) {
            double rise = d.y(i + 1) - d.y(i);
            if (shape == Shape.NON_DECREASING && rise < 0 || shape == Shape.NON_INCREASING && rise > 0) {
                where = "y goes from " + d.y(i) + " at x = " + d.x(i) + " to " + d.y(i + 1) + " at x = " + d.x(i + 1);
            } else if (!shape.monotone() && i + 2 < d.size()) {
                double left = rise / (d.x(i + 1) - d.x(i));
                double right = (d.y(i + 2) - d.y(i + 1)) / (d.x(i + 2) - d.x(i + 1));
                if (shape == Shape.CONVEX && right < left || shape == Shape.CONCAVE && right > left) {
                    where = "the slope goes from " + left + " to " + right + " at x = " + d.x(i + 1);
                }
            }
        }
        throw new InvalidDataException("the data are not " + shape.label() + ": " + (where == null ? "the optimum has " + broken : where)
                + "; no " + shape.label() + " function passes through every point. Fit a tube instead (--tube EPS"
                + (shape.monotone() ? " --shape " + shape.label() : "") + ") or drop --shape");
    }

    /** Writes the model (-o) and the plot, then prints the JSON or the report with where the files went. */
    private Integer finish(String json, String report, String title, PlotWriter.Rows points, UnivariateNetwork f) throws Exception {
        if (output != null) {
            AtomicFiles.writeString(output, json);
        }
        if (plot != null) {
            PlotWriter.write(plot, title, points, f);
        }
        if (formatOption.json()) {
            System.out.print(json);
        } else {
            System.out.print(report);
            if (output != null) {
                System.out.println("  model written to " + output);
            }
            if (plot != null) {
                System.out.println("  plot written to " + plot);
            }
        }
        return 0;
    }

    private Integer noisy() throws Exception {
        if (tube != null && lambda != null) {
            throw new IllegalArgumentException("--tube and --lambda are two different fits: give one");
        }
        if (penaltyOptions.p != null || penaltyOptions.l0 || penaltyOptions.l1) {
            throw new IllegalArgumentException("--l0/--p/--l1 choose the interpolation objective; they do not apply to --tube or --lambda");
        }
        NumericTable table = CsvReader.read(data);
        NoisyData d = table.toNoisyData(tube == null ? 0 : tubeWidth());
        long t0 = System.nanoTime();
        String json;
        String report;
        UnivariateNetwork f;
        String title;
        if (tube != null) {
            Shape kept = shape == null ? Shape.ANY : shape;
            TubeFit t = new TubeSolver().solve(d, kept);
            double millis = (System.nanoTime() - t0) / 1e6;
            json = NoisyReport.json(t, d, tube, kept);
            report = NoisyReport.table(t, d, data.toString(), tube, kept, millis);
            f = t.network();
            title = data.getFileName() + ": fewest knots within +-" + tube + (kept == Shape.ANY ? "" : ", " + kept.label());
        } else {
            PenalizedFit p = new PenalizedSolver().solve(d, lambda);
            double millis = (System.nanoTime() - t0) / 1e6;
            json = NoisyReport.json(p, d);
            report = NoisyReport.table(p, d, data.toString(), millis);
            f = p.network();
            title = data.getFileName() + ": l1-penalized fit, lambda = " + FitReport.num(lambda);
        }
        return finish(json, report, title, PlotWriter.Rows.of(table, tube == null ? null : rowTubes(table)), f);
    }

    private Integer selectKnots() throws Exception {
        Integer folds = crossValidationFolds(select);
        if (knots != null || leastSquares || tube != null || lambda != null || penaltyOptions.p != null || penaltyOptions.l0 || penaltyOptions.l1) {
            throw new IllegalArgumentException("--select chooses the knot count of a least-squares (or with --minimax, least "
                    + "maximum error) fit; it does not combine with --knots, --least-squares, --tube, --lambda, --l0, --p or --l1");
        }
        if ((minimax || seed != null) && folds == null) {
            throw new IllegalArgumentException((minimax ? "--minimax" : "--seed") + " goes with --select cv: BIC scores "
                    + "least-squares fits (it assumes Gaussian errors) and draws no folds");
        }
        NumericTable table = CsvReader.read(data);
        if (table.columnCount() != 2) {
            throw new IllegalArgumentException(data + ": --select takes two columns (x, y), found " + table.columnCount());
        }
        NoisyData rows = table.toNoisyData(0);
        int most = maxKnots == null ? 20 : maxKnots;
        long t0 = System.nanoTime();
        if (folds != null) {
            KnotCountCrossValidation.Selection cv = new KnotCountCrossValidation().select(table.column(0), table.column(1), most,
                    folds, seed == null ? 1 : seed, minimax ? KnotCountCrossValidation.Family.MINIMAX : KnotCountCrossValidation.Family.LEAST_SQUARES);
            double cvMillis = (System.nanoTime() - t0) / 1e6;
            double[] band = null;
            if (minimax) {
                band = new double[table.rowCount()];
                java.util.Arrays.fill(band, cv.chosen().maxError());
            }
            return finish(NoisyReport.json(cv, rows), NoisyReport.table(cv, rows, data.toString(), cvMillis),
                    data.getFileName() + ": " + cv.chosen().network().neurons() + " knot(s) by " + folds + "-fold cross-validation, "
                            + (minimax ? "least maximum error" : "least squares"), PlotWriter.Rows.of(table, band), cv.chosen().network());
        }
        KnotCountSelection.Selection sel = new KnotCountSelection().select(rows, most);
        double millis = (System.nanoTime() - t0) / 1e6;
        return finish(NoisyReport.json(sel, rows), NoisyReport.table(sel, rows, data.toString(), millis),
                data.getFileName() + ": " + sel.chosen().network().neurons() + " knot(s) by BIC, least squares",
                PlotWriter.Rows.of(table, null), sel.chosen().network());
    }

    /** The fold count of {@code cv[:K]} (5 when K is left out), null for {@code bic}; anything else is refused by name. */
    static Integer crossValidationFolds(String method) {
        if (method.equals("bic")) {
            return null;
        }
        if (method.equals("cv")) {
            return 5;
        }
        if (method.startsWith("cv:")) {
            try {
                int k = Integer.parseInt(method.substring(3));
                if (k >= 2) {
                    return k;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException("--select takes bic, cv or cv:K with K >= 2 folds, found '" + method + "'");
    }

    private Integer knotBudget() throws Exception {
        if (leastSquares && knots == null) {
            throw new IllegalArgumentException("--least-squares goes with --knots K");
        }
        if (tube != null || lambda != null || penaltyOptions.p != null || penaltyOptions.l0 || penaltyOptions.l1) {
            throw new IllegalArgumentException("--knots K chooses the fit (least maximum error with at most K knots); "
                    + "it does not combine with --tube, --lambda, --l0, --p or --l1");
        }
        if (knots < 0) {
            throw new IllegalArgumentException("--knots must be >= 0: " + knots);
        }
        NumericTable table = CsvReader.read(data);
        if (table.columnCount() != 2) {
            throw new IllegalArgumentException(data + ": --knots takes two columns (x, y), found " + table.columnCount());
        }
        long t0 = System.nanoTime();
        if (leastSquares) {
            NoisyData rows = table.toNoisyData(0);
            KnotBudgetLeastSquares.Fit ls = new KnotBudgetLeastSquares().solve(rows, knots);
            double lsMillis = (System.nanoTime() - t0) / 1e6;
            return finish(NoisyReport.json(ls, rows), NoisyReport.table(ls, rows, data.toString(), lsMillis),
                    data.getFileName() + ": at most " + knots + " knot(s), least squares", PlotWriter.Rows.of(table, null), ls.network());
        }
        KnotBudget.Fit f = new KnotBudget().solve(table.column(0), table.column(1), knots);
        double millis = (System.nanoTime() - t0) / 1e6;
        NoisyData d = table.toNoisyData(f.eps());
        double[] band = new double[table.rowCount()];
        java.util.Arrays.fill(band, f.eps());
        return finish(NoisyReport.json(f, d), NoisyReport.table(f, d, data.toString(), millis),
                data.getFileName() + ": at most " + knots + " knot(s), max error " + FitReport.num(f.eps()),
                PlotWriter.Rows.of(table, band), f.tube().network());
    }

    /** --shape's names. */
    static final class ShapeName implements picocli.CommandLine.ITypeConverter<Shape> {
        @Override
        public Shape convert(String name) {
            try {
                return Shape.parse(name);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("--shape: " + e.getMessage());
            }
        }
    }

    private Integer grouped() throws Exception {
        if (plot != null) {
            throw new IllegalArgumentException("--plot draws one fit; with --group-by write the rows (-o) and plot groups one by one");
        }
        if (tube != null && lambda != null) {
            throw new IllegalArgumentException("--tube and --lambda are two different fits: give one");
        }
        if (knots != null || leastSquares || select != null || maxKnots != null || minimax || seed != null || shape != null) {
            throw new IllegalArgumentException("--group-by fits each group by interpolation, --tube or --lambda;"
                    + " --knots, --least-squares, --select, --max-knots, --minimax, --seed and --shape are one-dataset fits for now");
        }
        boolean interpolation = tube == null && lambda == null;
        if (!interpolation && (penaltyOptions.p != null || penaltyOptions.l0 || penaltyOptions.l1)) {
            throw new IllegalArgumentException("--l0/--p/--l1 choose the interpolation objective; they do not apply to --tube or --lambda");
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1: " + t);
        }
        GroupedFit.Mode mode = interpolation ? GroupedFit.interpolation(penaltyOptions.penalty(), tolerance)
                : tube != null ? GroupedFit.tube(tubeWidth()) : GroupedFit.penalized(requireLambda());
        int values = tube != null && Double.isNaN(tubeWidth()) ? 3 : 2;
        GroupedFit run = new GroupedFit(mode, t, formatOption.json());
        GroupedFit.Summary[] summary = new GroupedFit.Summary[1];
        if (output != null) {
            GroupedFit.checkOutputFolder(output);
            AtomicFiles.write(output, out -> {
                try {
                    summary[0] = run.run(data, groupBy, values, out);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted; " + output + " left as it was");
                }
            });
        } else {
            summary[0] = run.run(data, groupBy, values, System.out);
        }
        GroupedFit.Summary s = summary[0];
        double mb = java.nio.file.Files.size(data) / 1e6;
        System.err.printf("%d group(s), %d with errors, %d rows, %s in %.2f s (%.3g MB/s)%s%n", s.groups(), s.errors(), s.rows(),
                mode.name(), s.seconds(), mb / s.seconds(), output == null ? "" : "; rows written to " + output);
        return 0;
    }

    private double requireLambda() {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be finite and >= 0: " + lambda);
        }
        return lambda;
    }

    /** Each row's tube half-width: the single --tube value, or the third column. */
    private double[] rowTubes(NumericTable table) {
        double eps = tubeWidth();
        if (Double.isNaN(eps)) {
            return table.column(2);
        }
        double[] e = new double[table.column(0).length];
        java.util.Arrays.fill(e, eps);
        return e;
    }

    /** The single tube half-width, or NaN for the per-row third column. */
    private double tubeWidth() {
        if (tube.equals("col3")) {
            return Double.NaN;
        }
        double eps;
        try {
            eps = Double.parseDouble(tube);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--tube takes a number >= 0 or col3: " + tube);
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("--tube must be finite and >= 0: " + tube);
        }
        return eps;
    }
}
