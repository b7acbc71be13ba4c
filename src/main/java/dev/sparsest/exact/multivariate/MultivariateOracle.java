package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact l0 and l^p optima of tiny multivariate interpolation problems (Lemma 4.1), for checking
 * trainers and the paper's claims. Each query walks every vertex of the feasible set once and
 * takes the minimum over the vertices (and, per vertex, over its maximal merges of same-pattern
 * neurons), for as many exponents as asked at once ({@link #solve}); nothing is stored between
 * queries, so memory stays small and an oracle may be shared between threads.
 *
 * <p>Limits: at most {@link #maxRows(int)} points in d dimensions (10 for d = 1, 5 for d = 2, 4
 * for d = 3; PERF.md: 0.1 s, 3-30 s and 25 s at the limit on a 2-core Xeon), d at most
 * {@link #MAX_DIMENSION}, and at most {@link #MAX_BASES} feasible bases on the walk; beyond them
 * {@link OracleTooLargeException}. Data whose feasible set has vertices conditioned beyond 1e12
 * (candidate neurons with nearly the same outputs) are refused with an {@link ArithmeticException}
 * saying so (2 of 40 Gaussian 4-point sets in the plane; 8 of 40 such 5-point sets in an audit;
 * none of the grid data tested).
 */
public final class MultivariateOracle {
    public static final int MAX_DIMENSION = 3;
    private static final int[] MAX_ROWS = {0, 10, 5, 4};
    public static final long MAX_BASES = 2_000_000;
    /** Interpolation error of a rebuilt network above this (relative to max|y|) is an error, not an answer. */
    static final double INTERPOLATION_TOLERANCE = 1e-8;
    /** Costs within this (relative) of the optimum tie. */
    static final double TIE = 1e-9;

    private final MultivariateDataset data;
    private final CandidateNeurons candidates;

    private MultivariateOracle(MultivariateDataset data) {
        this.data = data;
        this.candidates = new CandidateNeurons(data);
    }

    /** Checks the size limits and finds the candidate neurons; each query then walks the vertices once. */
    public static MultivariateOracle of(MultivariateDataset data) {
        data.requireTwoPoints();
        int d = data.dimension();
        if (d > MAX_DIMENSION || data.size() > maxRows(d)) {
            throw new OracleTooLargeException("the exact oracle handles at most 10 points for d = 1, 5 for d = 2 and"
                    + " 4 for d = 3 (its work grows like the vertices spanned by ~N^(d+1) candidate neurons: up to half a minute"
                    + " at those limits); found " + data.size() + " points in " + d + " dimensions");
        }
        return new MultivariateOracle(data);
    }

    /** The most points the oracle takes in d dimensions (0 beyond {@link #MAX_DIMENSION}). */
    public static int maxRows(int d) {
        return d >= 1 && d <= MAX_DIMENSION ? MAX_ROWS[d] : 0;
    }

    /** The fewest nonzero parameters (weights and biases of active neurons) of an interpolating network. */
    public MultivariateOptimum l0() {
        return solve(0).optimum(0);
    }

    /** The least sum_k sum_i |v_k w_{k,i}|^p, 0 &lt; p &lt;= 1, of an interpolating network. */
    public MultivariateOptimum lp(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1] (use l0() for the parameter count): " + p);
        }
        return solve(p).optimum(0);
    }

    /**
     * The optima for several exponents in one walk over the vertices: p = 0 is the l0 count,
     * 0 &lt; p &lt;= 1 the l^p path norm.
     */
    public Answers solve(double... ps) {
        for (double p : ps) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p must be in [0, 1] (0 = l0): " + p);
            }
        }
        double[] all = new double[ps.length + 1]; // slot 0: l0, to judge which optima are sparsest
        System.arraycopy(ps, 0, all, 1, ps.length);
        Search search = new Search(all);
        double[] y = data.targets();
        boolean allZero = true;
        for (double v : y) {
            allZero &= v == 0;
        }
        if (allZero) { // the zero network; lambda = 0 is the feasible set's only vertex
            search.offer(List.of());
        } else {
            try {
                new VertexEnumeration(candidates.columns, y).walk(MAX_BASES, v -> {
                    for (List<Neuron> net : NeuronMerging.networks(v, candidates)) {
                        search.offer(net);
                    }
                    search.vertices++;
                });
            } catch (VertexEnumeration.TooManyBases e) {
                throw new OracleTooLargeException("the exact oracle visits at most " + MAX_BASES
                        + " feasible bases; these " + data.size() + " points in " + data.dimension()
                        + " dimensions have more (" + candidates.size() + " candidate neurons)");
            }
        }
        MultivariateOptimum[] optima = new MultivariateOptimum[all.length];
        boolean[] sparsest = new boolean[all.length];
        int l0 = (int) search.bestCost[0];
        for (int k = 0; k < all.length; k++) {
            MultivariateNetwork network = build(search.best.get(k));
            requireInterpolation(network);
            optima[k] = new MultivariateOptimum(network, all[k], search.bestCost[k], parameters(search.best.get(k)),
                    search.best.get(k).size(), search.tiedCount(k));
            sparsest[k] = search.allTiedHaveParameters(k, l0);
        }
        return new Answers(optima, sparsest, search.vertices);
    }

    /** Distinct candidate neurons (rays with an output sign) the vertices are built from. */
    public int candidateNeurons() {
        return candidates.size();
    }

    /**
     * p* estimated on the grid step, 2 step, ... below 1: the largest grid p up to which every l^p
     * optimum is sparsest, with the next grid point (where that first fails) as the bracket.
     */
    public ThresholdEstimate threshold(double step) {
        if (!(step > 0 && step < 1)) {
            throw new IllegalArgumentException("the grid step must be in (0, 1): " + step);
        }
        int count = (int) Math.ceil(1 / step - 1e-9) - 1;
        double[] grid = new double[count];
        for (int k = 0; k < count; k++) {
            grid[k] = (k + 1) * step;
        }
        Answers answers = solve(grid);
        double lastGood = 0;
        for (int k = 0; k < count; k++) {
            if (!answers.everyOptimumIsSparsest(k)) {
                return new ThresholdEstimate(lastGood, grid[k], step);
            }
            lastGood = grid[k];
        }
        return new ThresholdEstimate(lastGood, 1, step);
    }

    /** The optima of one walk, in the order of the exponents asked for. */
    public static final class Answers {
        private final MultivariateOptimum[] optima;
        private final boolean[] sparsest;
        private final long vertices;

        Answers(MultivariateOptimum[] optima, boolean[] sparsest, long vertices) {
            this.optima = optima;
            this.sparsest = sparsest;
            this.vertices = vertices;
        }

        /** The optimum for the k-th exponent asked for. */
        public MultivariateOptimum optimum(int k) {
            return optima[k + 1];
        }

        /**
         * Whether every optimum for the k-th exponent (all tied vertices and merges) has the l0
         * parameter count: the test behind p* (Thm 4.1).
         */
        public boolean everyOptimumIsSparsest(int k) {
            return sparsest[k + 1];
        }

        /** Distinct vertices of the feasible set visited. */
        public long vertices() {
            return vertices;
        }
    }

    /** Running minima for each exponent, with the parameter counts of every network tied with the best so far. */
    private static final class Search {
        final double[] ps;
        final double[] bestCost;
        final List<List<Neuron>> best = new ArrayList<>();
        /** Per exponent: {cost, parameters, vertex} of networks within TIE of the best so far. */
        final List<List<double[]>> near = new ArrayList<>();
        long vertices;

        Search(double[] ps) {
            this.ps = ps;
            this.bestCost = new double[ps.length];
            java.util.Arrays.fill(bestCost, Double.POSITIVE_INFINITY);
            for (int k = 0; k < ps.length; k++) {
                best.add(null);
                near.add(new ArrayList<>());
            }
        }

        void offer(List<Neuron> net) {
            int parameters = parameters(net);
            for (int k = 0; k < ps.length; k++) {
                double c = cost(net, ps[k]);
                if (c < bestCost[k] * (1 - TIE) || best.get(k) == null) {
                    bestCost[k] = c;
                    best.set(k, net);
                    near.get(k).removeIf(e -> e[0] > c * (1 + TIE));
                }
                if (c <= bestCost[k] * (1 + TIE)) {
                    near.get(k).add(new double[] {c, parameters, vertices});
                }
            }
        }

        int tiedCount(int k) {
            return (int) near.get(k).stream().filter(e -> e[0] <= bestCost[k] * (1 + TIE)).mapToDouble(e -> e[2]).distinct().count();
        }

        boolean allTiedHaveParameters(int k, int l0) {
            return near.get(k).stream().filter(e -> e[0] <= bestCost[k] * (1 + TIE)).allMatch(e -> e[1] == l0);
        }
    }

    private static double cost(List<Neuron> net, double p) {
        double c = 0;
        for (Neuron k : net) {
            c += p == 0 ? k.parameters() : k.cost(p);
        }
        return c;
    }

    private static int parameters(List<Neuron> net) {
        int c = 0;
        for (Neuron k : net) {
            c += k.parameters();
        }
        return c;
    }

    /** Balanced neurons: v = sign sqrt(||u||_2), w = u / sqrt(||u||_2), so v w = sign u and |v| = ||w||_2. */
    private MultivariateNetwork build(List<Neuron> net) {
        int m = data.dimension() + 1;
        double[] w = new double[net.size() * m];
        double[] v = new double[net.size()];
        for (int k = 0; k < net.size(); k++) {
            double[] u = net.get(k).products;
            double norm = 0;
            for (double c : u) {
                norm += c * c;
            }
            double root = Math.sqrt(Math.sqrt(norm));
            v[k] = net.get(k).sign * root;
            for (int t = 0; t < m; t++) {
                w[k * m + t] = u[t] / root;
            }
        }
        return new MultivariateNetwork(w, v, data.dimension());
    }

    private void requireInterpolation(MultivariateNetwork network) {
        double[] x = data.inputs();
        double scale = 0;
        for (int i = 0; i < data.size(); i++) {
            scale = Math.max(scale, Math.abs(data.y(i)));
        }
        for (int i = 0; i < data.size(); i++) {
            double miss = Math.abs(network.evaluate(x, i * data.dimension()) - data.y(i));
            if (!(miss <= INTERPOLATION_TOLERANCE * scale)) {
                throw new ArithmeticException("the exact optimum misses point " + i + " by " + miss
                        + ": the data are too ill-conditioned for the enumeration in doubles");
            }
        }
    }
}
