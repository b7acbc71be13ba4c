package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.exact.multivariate.ActivationPatterns;
import dev.sparsest.exact.multivariate.L0Certificate;
import dev.sparsest.exact.multivariate.MultivariateOptimum;
import dev.sparsest.exact.multivariate.MultivariateOracle;
import dev.sparsest.exact.multivariate.ThresholdEstimate;
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

@Command(name = "exact", description = {"Exact sparsest (l0) interpolating network of d-D data, proved, or with a lower bound and",
        "the gap when --time-limit stops it; or (--p, --threshold) the least-l^p network of tiny data (at most 10 points",
        "for d = 1, 5 for d = 2, 4 for d = 3) by enumerating the vertices of Lemma 4.1's problem."},
        sortOptions = false, mixinStandardHelpOptions = true)
final class ExactCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "d input columns, then y")
    Path data;

    @Option(names = "--l0", description = "fewest nonzero parameters (the default)")
    boolean l0;

    @Option(names = "--model", paramLabel = "paper|affine", converter = TrainCommand.ModelName.class, description = "l0: the paper's problem (9), neurons only (default),"
            + " or the affine model (a free a . x + c beside the neurons)")
    MultivariateModel model = MultivariateModel.PAPER;

    @Option(names = "--time-limit", paramLabel = "S", description = "l0: stop after S seconds with the best network, a lower bound"
            + " and the gap (needed beyond " + L0Run.UNLIMITED_MAX_ROWS + " points)")
    Double timeLimit;

    @Option(names = "--start", paramLabel = "MODEL.json", description = "l0: an interpolating network to start from (the first upper bound)")
    Path start;

    @Option(names = "--p", paramLabel = "P", description = "least l^p path norm, 0 < P <= 1, of tiny data (the vertex oracle)")
    Double p;

    @Option(names = "--threshold", paramLabel = "STEP", description = "also estimate p* on the grid STEP, 2 STEP, ... below 1 (tiny data)")
    Double thresholdStep;

    @Mixin
    FormatOption formatOption;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the network found as JSON")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (p != null && l0) {
            throw new IllegalArgumentException("--p and --l0 exclude each other");
        }
        if (p != null && !(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("--p must be in (0, 1] (--l0 for the parameter count): " + p);
        }
        boolean oracle = p != null || thresholdStep != null;
        if (oracle && (model != MultivariateModel.PAPER || timeLimit != null || start != null)) {
            throw new IllegalArgumentException((model != MultivariateModel.PAPER ? "--model affine" : timeLimit != null ? "--time-limit" : "--start")
                    + " applies to the l0 search only; --p and --threshold use the vertex oracle, which solves the paper's model of tiny data");
        }
        NumericTable table = CsvReader.read(data);
        MultivariateDataset d = table.toMultivariate();
        return oracle ? oracle(table, d) : l0(table, d);
    }

    private int l0(NumericTable table, MultivariateDataset d) throws Exception {
        double seconds = L0Run.timeLimit(timeLimit, d);
        MultivariateNetwork first = start == null ? null : startModel(d);
        L0Certificate c = L0Run.run(d, model, seconds, first);
        if (formatOption.json()) {
            System.out.print(JsonWriter.document(o -> {
                o.add("points", d.size()).add("dimension", d.dimension()).add("model", model.name().toLowerCase(Locale.ROOT));
                L0Json.fields(o, c);
                o.addObject("network", n -> MultivariateJson.fields(n, c.network()));
            }));
        } else {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d points in %d dimensions, %s model%n", data,
                    d.size(), d.dimension(), model.name().toLowerCase(Locale.ROOT)));
            sb.append("  l0: ").append(L0Run.verdict(c)).append('\n');
            sb.append(L0Run.searchLine(c));
            sb.append(NetworkTable.rows(c.network()));
            System.out.print(sb);
        }
        if (output != null) {
            AtomicFiles.writeString(output, ModelFiles.multivariate(c.network(), table));
        }
        return 0;
    }

    private MultivariateNetwork startModel(MultivariateDataset d) throws Exception {
        Network network = ModelJson.readModel(Files.readString(start, StandardCharsets.UTF_8)).network();
        if (!(network instanceof MultivariateNetwork multivariate)) {
            throw new IllegalArgumentException("--start " + start + ": a 1-D model; the l0 search needs a d-D network of "
                    + d.dimension() + " inputs");
        }
        if (multivariate.inputDimension() != d.dimension()) {
            throw new IllegalArgumentException("--start " + start + ": the model takes " + multivariate.inputDimension()
                    + " inputs, " + data + " has " + d.dimension());
        }
        return multivariate;
    }

    private int oracle(NumericTable table, MultivariateDataset d) throws Exception {
        MultivariateOracle oracle = MultivariateOracle.of(d);
        MultivariateOracle.Answers answers = oracle.solve(0, p == null ? 0 : p);
        MultivariateOptimum sparsest = answers.optimum(0);
        MultivariateOptimum chosen = answers.optimum(1);
        ThresholdEstimate threshold = thresholdStep == null ? null : oracle.threshold(thresholdStep);
        long patterns = ActivationPatterns.of(d).length;
        System.out.print(formatOption.json()
                ? json(d, patterns, answers, chosen, sparsest, threshold)
                : table(d, patterns, answers, chosen, sparsest, threshold));
        if (output != null) {
            AtomicFiles.writeString(output, ModelFiles.multivariate(chosen.network(), table));
        }
        return 0;
    }

    private String table(MultivariateDataset d, long patterns, MultivariateOracle.Answers answers, MultivariateOptimum chosen,
                         MultivariateOptimum sparsest, ThresholdEstimate threshold) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %d points in %d dimensions%n", data, d.size(), d.dimension()));
        sb.append(String.format(Locale.ROOT, "  activation patterns %d (Cover's bound %d), vertices walked %d%n",
                patterns, ActivationPatterns.coverBound(d.size(), d.dimension()), answers.vertices()));
        sb.append(String.format(Locale.ROOT, "  l0 optimum: %d nonzero parameters in %d neurons%n", sparsest.parameters(), sparsest.neurons()));
        if (p != null) {
            sb.append(String.format(Locale.ROOT, "  l^%s optimum: cost %s, %d parameters in %d neurons%s%n", FitReport.num(p),
                    FitReport.num(chosen.cost()), chosen.parameters(), chosen.neurons(),
                    answers.everyOptimumIsSparsest(1) ? " (sparsest)" : " (not sparsest)"));
        }
        if (threshold != null) {
            sb.append(threshold.located()
                    ? String.format(Locale.ROOT, "  p* in [%s, %s): every l^p optimum is sparsest up to %s, not at %s%n",
                        FitReport.num(threshold.below()), FitReport.num(threshold.above()), FitReport.num(threshold.below()),
                        FitReport.num(threshold.above()))
                    : String.format(Locale.ROOT, "  p*: every l^p optimum on the grid up to %s is sparsest%n", FitReport.num(threshold.below())));
        }
        sb.append(NetworkTable.rows(chosen.network()));
        return sb.toString();
    }

    private String json(MultivariateDataset d, long patterns, MultivariateOracle.Answers answers, MultivariateOptimum chosen,
                        MultivariateOptimum sparsest, ThresholdEstimate threshold) {
        return JsonWriter.document(o -> {
            o.add("points", d.size()).add("dimension", d.dimension()).add("patterns", patterns)
                    .add("coverBound", ActivationPatterns.coverBound(d.size(), d.dimension())).add("vertices", answers.vertices())
                    .add("l0Parameters", sparsest.parameters());
            if (p == null) {
                o.add("p", 0L);
            } else {
                o.add("p", p.doubleValue());
            }
            o.add("cost", chosen.cost()).add("parameters", chosen.parameters()).add("neurons", chosen.neurons())
                    .add("sparsest", answers.everyOptimumIsSparsest(1))
                    .addOrNull("pStarBelow", threshold == null ? Double.NaN : threshold.below())
                    .addOrNull("pStarAbove", threshold == null ? Double.NaN : threshold.above())
                    .addObject("network", n -> MultivariateJson.fields(n, chosen.network()));
        });
    }
}
