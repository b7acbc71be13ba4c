package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.NoisyData;
import dev.sparsest.data.NumericTable;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordGeometry;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.model.UnivariateNetwork;
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

    @Option(names = "--tol", paramLabel = "T", description = "collinearity tolerance, relative to the slopes' rounding error (default: ${DEFAULT-VALUE})")
    double tolerance = ChordGeometry.DEFAULT_TOLERANCE;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the network (and its certificate) as JSON")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "plot data, interpolant and knots")
    Path plot;

    @Mixin
    FormatOption formatOption;

    @Override
    public Integer call() throws Exception {
        if (plot != null) {
            PlotWriter.checkFormat(plot); // fail before the work, not after
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
        String report = FitReport.table(s, data.toString(), d.size(), millis, 40);
        if (d.mergedDuplicates() > 0) {
            report += "  (" + d.mergedDuplicates() + " exact duplicate points merged)\n";
        }
        return finish(FitReport.json(s, d.size()), report, data.getFileName() + ": " + s.penalty().name() + " optimum",
                PlotWriter.Rows.of(table, null), s.network());
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
            TubeFit t = new TubeSolver().solve(d);
            double millis = (System.nanoTime() - t0) / 1e6;
            json = NoisyReport.json(t, d, tube);
            report = NoisyReport.table(t, d, data.toString(), tube, millis);
            f = t.network();
            title = data.getFileName() + ": fewest knots within +-" + tube;
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
