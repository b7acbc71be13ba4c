package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.Dataset1D;
import dev.sparsest.exact.ChordGeometry;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "fit", description = "The exact sparsest (l0), l^p-optimal or l1-optimal interpolant of (x, y) data.",
        sortOptions = false, mixinStandardHelpOptions = true)
final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "two columns x, y (comma or whitespace separated, optional header, # comments)")
    Path data;

    @ArgGroup(exclusive = true)
    PenaltyOptions penaltyOptions = new PenaltyOptions();

    @Option(names = "--tol", paramLabel = "T", description = "collinearity tolerance, relative to the slopes' rounding error (default: ${DEFAULT-VALUE})")
    double tolerance = ChordGeometry.DEFAULT_TOLERANCE;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the network (and its certificate) as JSON")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "plot data, interpolant and knots")
    Path plot;

    @Option(names = "--format", paramLabel = "table|json", description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.table;

    @Override
    public Integer call() throws Exception {
        if (plot != null) {
            PlotWriter.checkFormat(plot); // fail before the work, not after
        }
        ChordPathSolver solver = new ChordPathSolver(tolerance);
        Dataset1D d = CsvReader.read(data).toDataset1D();
        long t0 = System.nanoTime();
        ExactSolution s = solver.solve(d, penaltyOptions.penalty());
        double millis = (System.nanoTime() - t0) / 1e6;
        String json = FitReport.json(s, d.size());
        if (output != null) {
            AtomicFiles.writeString(output, json);
        }
        if (plot != null) {
            PlotWriter.write(plot, data.getFileName() + ": " + s.penalty().name() + " optimum", d, s.network());
        }
        if (format == OutputFormat.json) {
            System.out.print(json);
        } else {
            System.out.print(FitReport.table(s, data.toString(), d.size(), millis, 40));
            if (d.mergedDuplicates() > 0) {
                System.out.println("  (" + d.mergedDuplicates() + " exact duplicate points merged)");
            }
            if (output != null) {
                System.out.println("  model written to " + output);
            }
            if (plot != null) {
                System.out.println("  plot written to " + plot);
            }
        }
        return 0;
    }
}
