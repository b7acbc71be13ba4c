package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.exact.multivariate.L0Certificate;
import dev.sparsest.exact.multivariate.L0Search;
import dev.sparsest.json.JsonWriter;
import dev.sparsest.model.ModelJson;
import dev.sparsest.model.MultivariateJson;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "certify", description = {"Is this d-D network the sparsest that interpolates the data? Proved, disproved",
        "(with a sparser network), or, when --time-limit stops the search, a lower bound and the gap."},
        sortOptions = false, mixinStandardHelpOptions = true)
final class CertifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "d input columns, then y")
    Path data;

    @Parameters(index = "1", paramLabel = "MODEL.json", description = "a d-D network (train -o, exact -o); with an affine part it is"
            + " judged in the affine model, else in the paper's")
    Path modelFile;

    @Option(names = "--time-limit", paramLabel = "S", description = "stop after S seconds with a lower bound (needed beyond "
            + L0Run.UNLIMITED_MAX_ROWS + " points)")
    Double timeLimit;

    @Option(names = "--tolerance", paramLabel = "T", description = "the model interpolates when it misses no point by more than"
            + " T max|y| (default: ${DEFAULT-VALUE}: a trained network fits to the rounding of its training)")
    double tolerance = 1e-6;

    @Mixin
    FormatOption formatOption;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the sparsest network found (when it beats the model)")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("--tolerance must be a finite number >= 0, found " + tolerance);
        }
        NumericTable table = CsvReader.read(data);
        MultivariateDataset d = table.toMultivariate();
        Network network = ModelJson.readModel(Files.readString(modelFile, StandardCharsets.UTF_8)).network();
        if (!(network instanceof MultivariateNetwork f)) {
            throw new IllegalArgumentException(modelFile + ": a 1-D model; 1-D fits are exact already (fit prints their certificate)");
        }
        if (f.inputDimension() != d.dimension()) {
            throw new IllegalArgumentException(modelFile + ": the model takes " + f.inputDimension() + " inputs, " + data
                    + " has " + d.dimension() + " (d input columns, then y)");
        }
        MultivariateModel model = f.hasAffinePart() ? MultivariateModel.AFFINE : MultivariateModel.PAPER;
        double seconds = L0Run.timeLimit(timeLimit, d);
        Miss miss = Miss.of(f, table);
        boolean interpolates = miss.size <= tolerance * miss.scale;
        boolean exact = miss.size <= L0Search.INTERPOLATION_TOLERANCE * miss.scale;
        L0Certificate c = L0Run.run(d, model, seconds, exact ? f : null);
        int parameters = L0Search.neuronParameters(f);
        Verdict verdict = Verdict.of(interpolates, parameters, c);
        if (formatOption.json()) {
            System.out.print(JsonWriter.document(o -> {
                o.add("points", d.size()).add("dimension", d.dimension()).add("model", model.name().toLowerCase(Locale.ROOT))
                        .add("modelParameters", parameters).add("interpolates", interpolates).add("worstMiss", miss.size)
                        .add("worstMissLine", miss.line(table)).add("verdict", verdict.name().toLowerCase(Locale.ROOT))
                        .addOrNull("sparsest", verdict == Verdict.OPEN ? null : Boolean.valueOf(verdict == Verdict.PROVED));
                o.addObject("search", s -> L0Json.fields(s, c));
                o.addObject("network", n -> MultivariateJson.fields(n, c.network()));
            }));
        } else {
            System.out.print(report(d, model, parameters, miss, table, interpolates, verdict, c));
        }
        if (output != null && c.parameters() < parameters) {
            AtomicFiles.writeString(output, ModelFiles.multivariate(c.network(), table));
        }
        return 0;
    }

    private String report(MultivariateDataset d, MultivariateModel model, int parameters, Miss miss, NumericTable table,
                          boolean interpolates, Verdict verdict, L0Certificate c) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s against %s: %d points in %d dimensions, %s model%n",
                modelFile, data, d.size(), d.dimension(), model.name().toLowerCase(Locale.ROOT)));
        sb.append(String.format(Locale.ROOT, "  the model: %d nonzero parameters in %d neurons, worst miss %s (line %d)%n", parameters,
                miss.neurons, FitReport.num(miss.size), miss.line(table)));
        switch (verdict) {
            case PROVED -> sb.append("  proved the sparsest: no interpolating network has fewer than ").append(c.lowerBound())
                    .append(" parameters (").append(L0Run.seconds(c)).append(")\n");
            case SPARSER_EXISTS -> sb.append("  not the sparsest: ").append(L0Run.verdict(c)).append(output == null ? "" : "; written to " + output).append('\n');
            case OPEN -> sb.append(String.format(Locale.ROOT, "  not proved: at least %d parameters are needed, the model has %d: gap %d"
                    + " (time limit reached after %s)%n", c.lowerBound(), parameters, parameters - c.lowerBound(), L0Run.seconds(c)));
            case NOT_AN_INTERPOLANT -> sb.append(String.format(Locale.ROOT, "  not an interpolant: it misses line %d by %s, more than"
                    + " --tolerance %s times max|y|; the sparsest interpolant: %s%n", miss.line(table), FitReport.num(miss.size),
                    FitReport.num(tolerance), L0Run.verdict(c)));
            default -> throw new AssertionError(verdict);
        }
        sb.append(L0Run.searchLine(c));
        return sb.toString();
    }

    /** What the search says of the model. */
    enum Verdict {
        PROVED, SPARSER_EXISTS, OPEN, NOT_AN_INTERPOLANT;

        static Verdict of(boolean interpolates, int parameters, L0Certificate c) {
            if (!interpolates) {
                return NOT_AN_INTERPOLANT;
            }
            if (c.parameters() < parameters) {
                return SPARSER_EXISTS;
            }
            return c.lowerBound() >= parameters ? PROVED : OPEN;
        }
    }

    /** The model's worst miss over the data, where, and the scale it is judged against. */
    private record Miss(double size, int row, double scale, int neurons) {
        /** Over the file's rows (repeated rows included), so the row is the file's. */
        static Miss of(MultivariateNetwork f, NumericTable table) {
            int d = f.inputDimension();
            double[] y = table.column(d);
            double[][] inputs = new double[d][];
            for (int t = 0; t < d; t++) {
                inputs[t] = table.column(t);
            }
            double[] x = new double[d];
            double worst = -1;
            int at = 0;
            double scale = 0;
            for (int i = 0; i < y.length; i++) {
                for (int t = 0; t < d; t++) {
                    x[t] = inputs[t][i];
                }
                double miss = Math.abs(f.evaluate(x, 0) - y[i]);
                miss = Double.isNaN(miss) ? Double.POSITIVE_INFINITY : miss;
                if (miss > worst) {
                    worst = miss;
                    at = i;
                }
                scale = Math.max(scale, Math.abs(y[i]));
            }
            return new Miss(worst, at, scale > 0 ? scale : 1, f.activeNeurons(0));
        }

        int line(NumericTable table) {
            return table.line(row);
        }
    }
}
