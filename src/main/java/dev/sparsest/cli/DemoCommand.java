package dev.sparsest.cli;

import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.exact.Threshold;
import dev.sparsest.exact.ThresholdSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "demo", description = "Solve the built-in examples exactly and plot them.", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "folder for the plots (default: ${DEFAULT-VALUE})")
    Path out = Path.of("sparsest-demo");

    @Option(names = "--no-plots", description = "print only, write no files")
    boolean noPlots;

    @Option(names = "--no-training", description = "only the exact solutions (skip the paper's training runs and the diabetes regression, ~25 s)")
    boolean noTraining;

    @Mixin
    VerboseOption verboseOption;

    @Override
    public Integer call() throws Exception {
        if (!noTraining) {
            verboseOption.announceKernels();
        }
        ChordPathSolver solver = new ChordPathSolver();
        ThresholdSolver thresholds = new ThresholdSolver();
        if (!noPlots) {
            Files.createDirectories(out);
        }
        System.out.println("sparsest demo: the sparsest ReLU networks that interpolate data, solved exactly");
        System.out.println("(chord-path algorithm; Nakhleh & Nowak, arXiv 2505.21791)");
        for (DemoData.Example ex : DemoData.all()) {
            System.out.println();
            System.out.println("== " + ex.name() + ": " + ex.data().size() + " points, " + ex.description());
            ExactSolution l0 = solver.solve(ex.data(), Penalty.l0());
            ExactSolution half = solver.solve(ex.data(), Penalty.lp(0.5));
            ExactSolution l1 = solver.solve(ex.data(), Penalty.l1());
            System.out.printf(Locale.ROOT, "   neurons   l0: %d   l^0.5: %d (cost %s)   l1: %d (cost %s)%n",
                    l0.neurons(), half.neurons(), FitReport.num(half.cost()), l1.neurons(), FitReport.num(l1.cost()));
            System.out.println("   sparsest network (l0), left of the first knot y = "
                    + FitReport.line(l0.network().slope(), l0.network().intercept()) + ":");
            System.out.print(FitReport.knots(l0.network(), 8).replaceAll("(?m)^", " "));
            if (half.neurons() != l0.neurons()) {
                System.out.println("   the l^0.5 optimum is not the sparsest one: p = 0.5 is above p* here");
            }
            Threshold t = thresholds.solve(ex.data());
            if (t.noneBelowOne()) {
                System.out.println("   p*: none below 1 -- every l^p with 0 < p < 1 gives the sparsest network");
            } else if (t.decided()) {
                System.out.printf(Locale.ROOT, "   p* = %.6f%s -- for p < p* the l^p optimum has %d neurons, above it more%n",
                        t.pStar(), t.certified() ? "" : " (uncertified)", t.l0Neurons());
            } else {
                System.out.println("   " + ThresholdCommand.summary(t));
            }
            if (!noPlots) {
                Path file = out.resolve(ex.file() + ".png");
                PlotWriter.write(file, ex.name() + ": sparsest interpolant (l0)", ex.data(), l0.network());
                System.out.println("   plot: " + file);
            }
            if (!noTraining && ex.file().equals("peak-plateau")) {
                PaperExperiments.univariate(System.out);
            }
        }
        NoisyDemo.run(System.out, noPlots ? null : out);
        if (!noTraining) {
            PaperExperiments.multivariate(System.out);
            RegressionDemo.run(System.out, noPlots ? null : out);
        }
        return 0;
    }
}
