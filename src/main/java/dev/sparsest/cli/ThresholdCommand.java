package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordGeometry;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.exact.Threshold;
import dev.sparsest.exact.ThresholdSolver;
import dev.sparsest.json.JsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    FormatOption formatOption;

    @Override
    public Integer call() throws Exception {
        UnivariateDataset d = CsvReader.read(data).toUnivariate();
        Threshold t = new ThresholdSolver(tolerance).solve(d);
        Integer above = null;
        if (t.decided()) {
            double p = Math.min(Math.max(t.pStar() * (1 + 1e-6), t.upper() * (1 + 1e-9)), 1 - 1e-12);
            above = new ChordPathSolver(tolerance).solve(d, Penalty.lp(p)).neurons();
        }
        System.out.print(formatOption.json() ? json(t, above) : table(t, above, data.toString(), d.size()));
        return 0;
    }

    static String json(Threshold t, Integer above) {
        boolean none = t.noneBelowOne();
        return JsonWriter.document(o -> {
            o.add("status", t.status().name().toLowerCase(Locale.ROOT)).addOrNull("pStar", t.decided() ? t.pStar() : Double.NaN)
                    .addOrNull("lower", t.lower()).addOrNull("upper", t.upper()).add("noneBelowOne", none)
                    .add("certified", t.certified()).add("l0Neurons", t.l0Neurons());
            if (above == null) {
                o.add("neuronsAbove", (String) null);
            } else {
                o.add("neuronsAbove", above.longValue());
            }
            o.addOrNull("runFrom", t.xFrom()).addOrNull("runTo", t.xTo());
        });
    }

    static String table(Threshold t, Integer above, String source, int points) {
        StringBuilder sb = new StringBuilder(source + ": " + points + " points\n");
        sb.append("  ").append(summary(t)).append('\n');
        if (t.decided()) {
            sb.append(String.format(Locale.ROOT, "  below p*: %d neurons (the fewest); just above: %d%n", t.l0Neurons(), above));
        }
        if (!t.noneBelowOne()) {
            sb.append(String.format(Locale.ROOT, "  decided by the curvature run on x in [%s, %s]%n",
                    FitReport.num(t.xFrom()), FitReport.num(t.xTo())));
        }
        return sb.toString();
    }

    /** One line: p*, or none below 1, or the interval where double precision cannot decide. */
    static String summary(Threshold t) {
        String uncertified = t.certified() ? "" : "   (not certified: grid search)";
        switch (t.status()) {
            case NONE_BELOW_ONE:
                return "p* none below 1: every l^p with 0 < p < 1 - 1e-9 gives a sparsest network (" + t.l0Neurons() + " neurons)" + uncertified;
            case DECIDED:
                String interval = t.upper() - t.lower() > 1e-9 * t.upper()
                        ? String.format(Locale.ROOT, " (in [%.12f, %.12f])", t.lower(), t.upper()) : "";
                return String.format(Locale.ROOT, "p* = %.10f%s%s", t.pStar(), interval, uncertified);
            default:
                return String.format(Locale.ROOT, "p* undecided at double precision: below %.10f every l^p optimum is sparsest (%d neurons);"
                        + " on [%.10f, %s] the sparsest and the other optima cost the same to within rounding%s%s",
                        t.lower(), t.l0Neurons(), t.lower(), t.upper() >= 1 ? "1)" : String.format(Locale.ROOT, "%.10f]", t.upper()),
                        t.upper() >= 1 ? " (a crossing may not exist)" : "", uncertified);
        }
    }
}
