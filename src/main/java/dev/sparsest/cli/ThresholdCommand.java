package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.Dataset1D;
import dev.sparsest.exact.ChordGeometry;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.exact.Threshold;
import dev.sparsest.exact.ThresholdSolver;
import dev.sparsest.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "threshold", description = "The threshold p*: below it every l^p optimum is a sparsest network.",
        sortOptions = false, mixinStandardHelpOptions = true)
final class ThresholdCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "two columns x, y")
    Path data;

    @Option(names = "--tol", paramLabel = "T", description = "collinearity tolerance (default: ${DEFAULT-VALUE})")
    double tolerance = ChordGeometry.DEFAULT_TOLERANCE;

    @Option(names = "--format", paramLabel = "table|json", description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.table;

    @Override
    public Integer call() throws Exception {
        Dataset1D d = CsvReader.read(data).toDataset1D();
        Threshold t = new ThresholdSolver(tolerance).solve(d);
        Integer above = null;
        if (!t.noneBelowOne()) {
            double p = Math.min(t.pStar() * (1 + 1e-6), 1 - 1e-12);
            above = new ChordPathSolver(tolerance).solve(d, Penalty.lp(p)).neurons();
        }
        System.out.print(format == OutputFormat.json ? json(t, above) : table(t, above, data.toString(), d.size()));
        return 0;
    }

    static String json(Threshold t, Integer above) {
        return "{\n"
                + "  \"pStar\": " + (t.noneBelowOne() ? "null" : Json.number(t.pStar())) + ",\n"
                + "  \"noneBelowOne\": " + t.noneBelowOne() + ",\n"
                + "  \"certified\": " + t.certified() + ",\n"
                + "  \"l0Neurons\": " + t.l0Neurons() + ",\n"
                + "  \"neuronsAbove\": " + (above == null ? "null" : above) + ",\n"
                + "  \"runFrom\": " + (t.noneBelowOne() ? "null" : Json.number(t.xFrom())) + ",\n"
                + "  \"runTo\": " + (t.noneBelowOne() ? "null" : Json.number(t.xTo())) + "\n"
                + "}\n";
    }

    static String table(Threshold t, Integer above, String source, int points) {
        StringBuilder sb = new StringBuilder(source + ": " + points + " points\n");
        if (t.noneBelowOne()) {
            sb.append("  p* none below 1: every l^p with 0 < p < 1 gives a sparsest network (")
                    .append(t.l0Neurons()).append(" neurons)\n");
        } else {
            sb.append(String.format(Locale.ROOT, "  p* = %.10f%s%n", t.pStar(), t.certified() ? "" : "   (not certified: grid search)"));
            sb.append(String.format(Locale.ROOT, "  below p*: %d neurons (the fewest); just above: %d%n", t.l0Neurons(), above));
            sb.append(String.format(Locale.ROOT, "  decided by the curvature run on x in [%s, %s]%n",
                    FitReport.num(t.xFrom()), FitReport.num(t.xTo())));
        }
        return sb.toString();
    }
}
