package dev.sparsest.cli;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.exact.multivariate.L0Certificate;
import dev.sparsest.exact.multivariate.L0Search;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Runs the exact l0 search for a command: the time-limit policy, and a progress line (bound,
 * best, nodes) on stderr while a person watches a terminal.
 */
final class L0Run {
    /** Without a time limit the search takes at most this many points (proofs at N &lt;= 6 take seconds; N = 10 in d = 2 does not finish in a minute). */
    static final int UNLIMITED_MAX_ROWS = 8;

    private L0Run() {
    }

    /** Checks the time limit option: positive seconds, or none for instances small enough. */
    static double timeLimit(Double option, MultivariateDataset data) {
        if (option == null) {
            if (data.size() > UNLIMITED_MAX_ROWS) {
                throw new IllegalArgumentException("--time-limit is needed beyond " + UNLIMITED_MAX_ROWS + " points (found "
                        + data.size() + "): a proof may take very long there; with a limit the search reports its best network,"
                        + " a lower bound and the gap");
            }
            return Double.POSITIVE_INFINITY;
        }
        if (!(option > 0) || Double.isNaN(option)) {
            throw new IllegalArgumentException("--time-limit must be a positive number of seconds, found " + option);
        }
        return option;
    }

    static L0Certificate run(MultivariateDataset data, MultivariateModel model, double seconds, MultivariateNetwork start) {
        L0Search search = L0Search.of(data, model);
        PrintStream err = System.err;
        boolean live = System.console() != null;
        L0Certificate result = search.solve(seconds, start, !live ? null : (bound, best, nodes, elapsed) ->
                err.printf(Locale.ROOT, "\r  l0 search: lower bound %d, best %s parameters, %d nodes, %.0f s   ", bound,
                        best < 0 ? "-" : Integer.toString(best), nodes, elapsed));
        if (live && result.seconds() >= 0.5) {
            err.print("\r" + " ".repeat(78) + "\r");
        }
        return result;
    }

    /** Seconds the trainer's report may spend on the exact comparison. */
    static final double TRAINER_CHECK_SECONDS = 10;

    /**
     * The trained network against the exact l0 optimum, one line, for data small enough for a
     * quick proof ({@link #UNLIMITED_MAX_ROWS} points); empty when the data are larger or are not
     * interpolation data (a repeated row with another target).
     */
    static String trainerLine(NumericTable table, MultivariateNetwork f) {
        MultivariateDataset points;
        try {
            points = table.toMultivariate();
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (points.size() < 2 || points.size() > UNLIMITED_MAX_ROWS) {
            return "";
        }
        double worst = 0;
        double scale = 0;
        double[] inputs = points.inputs();
        for (int i = 0; i < points.size(); i++) {
            worst = Math.max(worst, Math.abs(f.evaluate(inputs, i * points.dimension()) - points.y(i)));
            scale = Math.max(scale, Math.abs(points.y(i)));
        }
        MultivariateModel model = f.hasAffinePart() ? MultivariateModel.AFFINE : MultivariateModel.PAPER;
        boolean exact = worst <= L0Search.INTERPOLATION_TOLERANCE * scale;
        L0Certificate c = L0Search.of(points, model).solve(TRAINER_CHECK_SECONDS, exact ? f : null, null);
        int mine = L0Search.neuronParameters(f);
        String fit = exact ? "" : String.format(Locale.ROOT, " (it misses a point by %.3g, so it is not an interpolant)", worst);
        if (exact && c.proved() && c.parameters() == mine) {
            return String.format(Locale.ROOT, "  exact l0 (%s model): proved the sparsest interpolant, %d neuron parameters%n",
                    model.name().toLowerCase(Locale.ROOT), mine);
        }
        return String.format(Locale.ROOT, "  exact l0 (%s model): the sparsest interpolant has %s%d neuron parameters; this network %d%s%n",
                model.name().toLowerCase(Locale.ROOT), c.proved() ? "" : "at least " + c.lowerBound() + " and at most ",
                c.parameters(), mine, fit);
    }

    /** One line: the parameter count and how sure it is. */
    static String verdict(L0Certificate c) {
        String found = String.format(Locale.ROOT, "%d nonzero parameters in %d neurons", c.parameters(), c.neurons());
        if (c.proved()) {
            return found + ", proved the fewest (" + seconds(c) + ")";
        }
        return found + " (" + c.incumbentSource() + "); at least " + c.lowerBound() + " are needed: gap " + c.gap()
                + ", not proved (time limit reached after " + seconds(c) + ")";
    }

    static String seconds(L0Certificate c) {
        return String.format(Locale.ROOT, "%.3g s", c.seconds());
    }

    static String searchLine(L0Certificate c) {
        return String.format(Locale.ROOT, "  search: %d neuron shapes, %d nodes, %d shape sets decided (%d by a linear program)%s%n",
                c.shapes(), c.nodes(), c.shapeSets(), c.linearPrograms(),
                c.numericalRejects() == 0 ? "" : ", " + c.numericalRejects() + " rejected when rebuilt in doubles");
    }
}
