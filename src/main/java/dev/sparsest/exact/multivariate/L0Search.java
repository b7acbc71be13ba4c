package dev.sparsest.exact.multivariate;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The exact l0 problem for d-D interpolation (THEORY.md, "Exact l0 at size, anytime"): the fewest
 * nonzero products v_k w_{k,i} (weights and biases of active neurons) of a network that
 * interpolates the data, in the paper's model (problem (9)) or the affine model (a free a . x + c).
 *
 * <p>How: a network is a set of neuron shapes ({@link Atom}: support, activation pattern, sign),
 * and a set of shapes can interpolate exactly when a linear system with cone constraints is
 * feasible ({@link ShapeFeasibility}). The search deepens a budget B = 1, 2, ...: at each budget it
 * enumerates every set of shapes costing exactly B (no shape twice, at most one per pattern and
 * sign since two such neurons merge into one no dearer) and decides each. All budgets below B
 * refuted is the lower bound; the first feasible set is the optimum. An incumbent (a start
 * network, or the best 1-D optimum along one input column) is the upper bound from the first
 * moment, so a stopped search still reports a network, a bound and the gap.
 *
 * <p>Units do not matter: each input column and the target are scaled to max |.| = 1 inside
 * (scaling keeps zeros, so parameter counts are unchanged) and the network is mapped back.
 * Columns are not shifted: a shift would move biases to or from zero.
 *
 * <p>Needs ojAlgo on the class path (an optional dependency of this library). Not thread-safe;
 * one search per thread.
 */
public final class L0Search {
    /** Interpolation error of a rebuilt network above this (relative to max |y|) is a miss. */
    public static final double INTERPOLATION_TOLERANCE = ScaledProblem.INTERPOLATION_TOLERANCE;
    /** Data magnitudes the search takes: within [1 / this, this], or 0. */
    public static final double MAX_MAGNITUDE = ScaledProblem.MAX_MAGNITUDE;
    /** The shape catalog stops with an error beyond this many shapes. */
    public static final int MAX_SHAPES = 2_000_000;
    private static final long CLOCK_EVERY = 256;
    /** With a time limit, this share of it may go to the reweighted-l1 upper bound before the proof starts. */
    static final double HEURISTIC_SHARE = 0.2;

    /** Hears about the search's progress about twice a second. */
    public interface Progress {
        void report(int lowerBound, int incumbent, long nodes, double seconds);
    }

    private final MultivariateModel model;
    private final ScaledProblem problem;
    private final int n;
    private final int d;
    /** [x_i; 1] and y, scaled (see {@link ScaledProblem}). */
    private final double[][] rows;
    private final double[] y;
    private final List<Atom> atoms;
    private final ShapeFeasibility feasibility;

    private L0Search(MultivariateDataset data, MultivariateModel model) {
        this.model = model;
        this.problem = new ScaledProblem(data, model);
        this.n = problem.n;
        this.d = problem.d;
        this.rows = problem.rows;
        this.y = problem.y;
        this.atoms = AtomCatalog.of(rows, model == MultivariateModel.AFFINE, MAX_SHAPES);
        this.feasibility = new ShapeFeasibility(rows, y, model == MultivariateModel.AFFINE);
    }

    /**
     * A search over the data's neuron shapes. Refuses more than {@link ActivationPatterns#MAX_ROWS}
     * rows, more than 29 input columns, and data with more than {@link #MAX_SHAPES} shapes.
     */
    public static L0Search of(MultivariateDataset data, MultivariateModel model) {
        data.requireTwoPoints();
        if (data.size() > ActivationPatterns.MAX_ROWS) {
            throw new OracleTooLargeException("the exact l0 search takes at most " + ActivationPatterns.MAX_ROWS
                    + " points, found " + data.size());
        }
        requireRange(data);
        requireSolver();
        return new L0Search(data, model);
    }

    /** Neuron shapes (support, activation pattern, output sign) the search combines. */
    public int shapes() {
        return atoms.size();
    }

    /**
     * Searches until the bounds meet or the time runs out.
     *
     * @param seconds  the time limit (positive; infinity for none)
     * @param start    an interpolating network to start from (the upper bound), or null
     * @param progress told of the bounds about twice a second, or null
     */
    public L0Certificate solve(double seconds, MultivariateNetwork start, Progress progress) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("the time limit must be positive (seconds), found " + seconds);
        }
        long begin = System.nanoTime();
        problem.unrepresentable = false;
        Incumbent best = start == null ? null : startIncumbent(start);
        Incumbent axis = axisIncumbent();
        if (axis != null && (best == null || axis.parameters < best.parameters)) {
            best = axis;
        }
        if (Double.isFinite(seconds)) { // an anytime run: spend a share of the time on the upper bound first
            long share = (long) (HEURISTIC_SHARE * seconds * 1e9);
            if (best != null) {
                best = swapped(best, begin + share / 2);
            }
            Incumbent reweighted = reweightedIncumbent(begin + share);
            if (reweighted != null) {
                reweighted = swapped(reweighted, begin + share);
                if (best == null || reweighted.parameters < best.parameters) {
                    best = reweighted;
                }
            }
        }
        Incumbent empty = emptyIncumbent();
        if (empty != null) {
            best = empty;
        }
        if (best == null) { // distinct rows always have a 1-D interpolant along the generic direction, unless nearly equal
            throw new ArithmeticException("no interpolating network in doubles along any input column or a generic direction:"
                    + " the data are too ill-conditioned (rows that differ by less than about 1e-10 of their size, with"
                    + " different targets)");
        }
        Walk walk = new Walk(begin, seconds, progress);
        int bound = best.parameters == 0 ? 0 : 1;
        while (bound < best.parameters) {
            walk.budgetLowerBound = bound;
            walk.incumbent = best.parameters;
            Incumbent found = walk.budget(bound);
            if (walk.outOfTime) {
                break;
            }
            if (found != null) {
                best = found;
                bound = Math.min(bound, found.parameters);
                break;
            }
            if (problem.unrepresentable) {
                break; // a set interpolates but its network does not fit in doubles: reported below
            }
            bound++;
            if (bound > (d + 1) * n + 1) {
                throw new ArithmeticException("no interpolant found within " + (d + 1) * n
                        + " parameters, which Prop. 4.1 guarantees: the data are too ill-conditioned for the search in doubles");
            }
        }
        if (problem.unrepresentable && bound < best.parameters) {
            throw new ArithmeticException("the interpolating networks of these data need weights outside the range of doubles"
                    + " (inputs and targets whose magnitudes lie hundreds of orders apart): rescale a column or the target");
        }
        double elapsed = (System.nanoTime() - begin) * 1e-9;
        return new L0Certificate(model, best.network, best.parameters, best.neurons, Math.min(bound, best.parameters),
                best.source, elapsed, atoms.size(), walk.nodes, walk.shapeSets, feasibility.linearPrograms, walk.rejects,
                walk.outOfTime && bound < best.parameters);
    }

    /** One budget level after another, with the clock and the counters. */
    private final class Walk {
        final long begin;
        final long deadline;
        final Progress progress;
        long nextReport;
        long nodes;
        long shapeSets;
        long rejects;
        boolean outOfTime;
        int budgetLowerBound;
        int incumbent;
        final List<Atom> chosen = new ArrayList<>();
        final SpanTracker span;
        /** The last shape whose span answer is cached, for its parent set; null after the parent changes. */
        Atom lastChecked;
        boolean lastSpanAnswer;

        Walk(long begin, double seconds, Progress progress) {
            this.span = new SpanTracker(y, problem.freeColumns(), (d + 1) * n + 2);
            this.begin = begin;
            this.deadline = Double.isInfinite(seconds) ? Long.MAX_VALUE : begin + (long) (seconds * 1e9);
            this.progress = progress;
            this.nextReport = begin + 500_000_000L;
        }

        Incumbent budget(int b) {
            chosen.clear();
            return extend(0, b);
        }

        private Incumbent extend(int from, int remaining) {
            lastChecked = null; // another parent set: the cached span answer is stale
            for (int a = from; a < atoms.size(); a++) {
                Atom atom = atoms.get(a);
                if (atom.cost > remaining) {
                    return null; // sorted by cost: the rest are dearer
                }
                if (++nodes % CLOCK_EVERY == 0 && tick()) {
                    return null;
                }
                if (mergesWithChosen(atom)) {
                    continue;
                }
                if (atom.cost == remaining && !inSpanWith(atom)) {
                    continue; // y is outside the set's span
                }
                chosen.add(atom);
                Incumbent found;
                if (atom.cost < remaining) {
                    span.push(atom, rows);
                    found = extend(a + 1, remaining - atom.cost);
                    span.pop();
                    lastChecked = null;
                } else {
                    found = decide();
                }
                chosen.remove(chosen.size() - 1);
                if (found != null || outOfTime) {
                    return found;
                }
            }
            return null;
        }

        /**
         * The span check of the set's last shape; both signs of a shape span the same columns
         * (and come one after the other in the catalog), so the second reuses the first's answer.
         */
        private boolean inSpanWith(Atom atom) {
            if (lastChecked == null || lastChecked.support != atom.support || lastChecked.pattern != atom.pattern) {
                lastSpanAnswer = span.mayContainYWith(atom, rows);
            }
            lastChecked = atom;
            return lastSpanAnswer;
        }

        private boolean mergesWithChosen(Atom atom) {
            for (Atom c : chosen) {
                if (c.mergesWith(atom)) {
                    return true;
                }
            }
            return false;
        }

        private Incumbent decide() {
            if (!coversSigns()) {
                return null;
            }
            shapeSets++;
            double[][] products = feasibility.solve(chosen);
            if (products == null) {
                return null;
            }
            Incumbent rebuilt = problem.rebuild(chosen, products, "search");
            if (rebuilt == null) {
                rejects++;
            }
            return rebuilt;
        }

        /** The paper's model: a row with y &gt; 0 needs a positive neuron active there, y &lt; 0 a negative one. */
        private boolean coversSigns() {
            if (model == MultivariateModel.AFFINE) {
                return true;
            }
            long up = 0;
            long down = 0;
            for (Atom a : chosen) {
                if (a.sign > 0) {
                    up |= a.pattern;
                } else {
                    down |= a.pattern;
                }
            }
            return (problem.positiveRows & ~up) == 0 && (problem.negativeRows & ~down) == 0;
        }

        private boolean tick() {
            long now = System.nanoTime();
            if (now - deadline > 0) {
                outOfTime = true;
                return true;
            }
            if (progress != null && now - nextReport > 0) {
                progress.report(budgetLowerBound, incumbent, nodes, (now - begin) * 1e-9);
                nextReport = now + 500_000_000L;
            }
            return false;
        }
    }

    /** The largest |f(x_i) - y_i| over the data (raw units). */
    public double worstMiss(MultivariateNetwork network) {
        return problem.worstMiss(network);
    }

    /** The products the model counts: v_k w_{k,i} of the neurons, not the affine part. */
    public static int neuronParameters(MultivariateNetwork network) {
        double[] w = network.weights();
        double[] v = network.outputWeights();
        int m = network.inputDimension() + 1;
        int count = 0;
        for (int k = 0; k < v.length; k++) {
            for (int t = 0; t < m; t++) {
                count += v[k] * w[k * m + t] != 0 ? 1 : 0;
            }
        }
        return count;
    }

    private Incumbent startIncumbent(MultivariateNetwork start) {
        if (start.inputDimension() != d) {
            throw new IllegalArgumentException("the start model takes " + start.inputDimension()
                    + " inputs, the data have " + d);
        }
        if (model == MultivariateModel.PAPER && start.hasAffinePart()) {
            throw new IllegalArgumentException("the start model has an affine part, which the paper's model does not:"
                    + " search the affine model instead");
        }
        double miss = problem.worstMiss(start);
        if (!(miss <= INTERPOLATION_TOLERANCE * problem.targetScale)) {
            throw new IllegalArgumentException("the start model does not interpolate the data: it misses a point by "
                    + miss + " (allowed " + INTERPOLATION_TOLERANCE * problem.targetScale + "); start from an interpolant or from none");
        }
        return new Incumbent(start, neuronParameters(start), start.activeNeurons(0), "start model");
    }

    /** The zero network (y = 0), or in the affine model the affine part alone when y is affine in x. */
    private Incumbent emptyIncumbent() {
        double[][] products = feasibility.solve(List.of());
        return products == null ? null : problem.rebuild(List.of(), products, "search");
    }

    /**
     * The best of the exact 1-D l0 fits along each input column whose values are distinct, and
     * along one generic direction (which separates distinct rows), in scaled units.
     */
    private Incumbent axisIncumbent() {
        Incumbent best = null;
        for (int c = 0; c <= d; c++) {
            double[] direction = new double[d];
            if (c < d) {
                direction[c] = 1;
            } else {
                SplittableRandom random = new SplittableRandom(d);
                for (int t = 0; t < d; t++) {
                    direction[t] = 1 + random.nextDouble(); // positive weights of unequal size: rarely a tie
                }
            }
            AxisFit.Fit fit = AxisFit.along(rows, y, direction, model == MultivariateModel.AFFINE);
            if (fit == null) {
                continue;
            }
            List<Neuron> raw = new ArrayList<>();
            boolean fits = true;
            for (Neuron neuron : fit.neurons()) {
                double[] products = problem.rawProducts(neuron.products);
                fits &= products != null;
                raw.add(Neuron.unrounded(neuron.sign, products == null ? new double[d + 1] : products));
            }
            double[] affine = fit.affine().length == 0 ? fit.affine() : problem.rawProducts(fit.affine());
            if (!fits || affine == null) {
                continue;
            }
            Incumbent candidate = problem.incumbent(raw, affine, "axis fit");
            if (candidate != null && (best == null || candidate.parameters < best.parameters)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The incumbent improved by {@link ShapeSwaps}, or itself. */
    private Incumbent swapped(Incumbent incumbent, long deadline) {
        List<Atom> shapes = ShapeSwaps.improveUntil(problem.shapesOf(incumbent.network), atoms, feasibility, deadline);
        double[][] products = feasibility.solve(shapes);
        Incumbent better = products == null ? null : problem.rebuild(shapes, products, incumbent.source + " and swaps");
        return better != null && better.parameters < incumbent.parameters ? better : incumbent;
    }

    /** The sparsest network of the reweighted-l1 rounds, or null. */
    private Incumbent reweightedIncumbent(long deadline) {
        Incumbent best = null;
        for (List<Atom> set : ReweightedLinearProgram.shapeSets(rows, y, model == MultivariateModel.AFFINE, feasibility, deadline)) {
            double[][] products = feasibility.solve(set);
            Incumbent candidate = products == null ? null : problem.rebuild(set, products, "reweighted l1");
            if (candidate != null && (best == null || candidate.parameters < best.parameters)) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Values within [1e-300, 1e300] in magnitude (or 0): beyond, the weights of an interpolant or
     * its evaluation leave the normal doubles and the count would depend on the units.
     */
    private static void requireRange(MultivariateDataset data) {
        int[] at = ScaledProblem.firstOutOfRange(data);
        if (at != null) {
            int i = at[0];
            int c = at[1];
            double v = c < data.dimension() ? data.x(i, c) : data.y(i);
            throw new InvalidDataException("point " + i + ", " + (c < data.dimension() ? "input " + (c + 1) : "the target")
                    + ": " + v + " is outside 1e-300..1e300 in magnitude, where the exact l0 search works (weights and"
                    + " outputs must stay normal doubles); rescale that column");
        }
    }

    private static void requireSolver() {
        try {
            Class.forName("org.ojalgo.optimisation.ExpressionsBasedModel", false, L0Search.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the exact l0 search needs the LP solver ojAlgo (org.ojalgo:ojalgo:57.1.0)"
                    + " on the class path: add it as a dependency (it is optional for this library)", e);
        }
    }
}
