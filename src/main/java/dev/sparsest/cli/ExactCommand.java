package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.exact.multivariate.ActivationPatterns;
import dev.sparsest.exact.multivariate.MultivariateOptimum;
import dev.sparsest.exact.multivariate.MultivariateOracle;
import dev.sparsest.exact.multivariate.ThresholdEstimate;
import dev.sparsest.json.JsonWriter;
import dev.sparsest.model.MultivariateJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "exact", description = "Exact sparsest (l0) or least-l^p interpolating network of tiny d-D data "
        + "(at most 10 points for d = 1, 5 for d = 2, 4 for d = 3), by enumerating the vertices of Lemma 4.1's problem.",
        sortOptions = false, mixinStandardHelpOptions = true)
final class ExactCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "d input columns, then y")
    Path data;

    @Option(names = "--p", paramLabel = "P", description = "least l^p path norm, 0 < P <= 1 (default: the fewest parameters, l0)")
    Double p;

    @Option(names = "--l0", description = "fewest nonzero parameters (the default)")
    boolean l0;

    @Option(names = "--threshold", paramLabel = "STEP", description = "also estimate p* on the grid STEP, 2 STEP, ... below 1")
    Double thresholdStep;

    @Mixin
    FormatOption formatOption;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL.json", description = "write the optimal network as JSON")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (p != null && l0) {
            throw new IllegalArgumentException("--p and --l0 exclude each other");
        }
        if (p != null && !(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("--p must be in (0, 1] (--l0 for the parameter count): " + p);
        }
        NumericTable table = CsvReader.read(data);
        MultivariateDataset d = table.toMultivariate();
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
        double[] w = chosen.network().weights();
        double[] v = chosen.network().outputWeights();
        int m = d.dimension() + 1;
        for (int k = 0; k < v.length; k++) {
            StringBuilder row = new StringBuilder("  neuron " + (k + 1) + ": v = " + FitReport.num(v[k]) + ", w = (");
            for (int t = 0; t < m; t++) {
                row.append(t == 0 ? "" : ", ").append(FitReport.num(w[k * m + t]));
            }
            sb.append(row).append(")   (bias last)\n");
        }
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
