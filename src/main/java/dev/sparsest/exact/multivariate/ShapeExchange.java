package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;

import java.util.List;

/**
 * A local search for fewer parameters around an interpolating network, the trainer's last step on
 * small data: the neurons' shapes (support, activation pattern, output sign; {@link Atom}) are
 * exchanged, one or two at a time, for a single cheaper shape of the data's arrangement while the
 * set still interpolates ({@link ShapeSwaps}). The moves reach other activation patterns, which
 * gradient steps and the polish's pattern-keeping walk do not. Without linear programs and with a
 * fixed amount of work, so it needs no LP solver and its answer depends on the data alone (the
 * trainer stays reproducible). It proves nothing: {@link L0Search} does. Stateless and thread-safe.
 */
public final class ShapeExchange {
    /** Interpolation error (relative to max |y|) of the networks it takes and gives. */
    public static final double INTERPOLATION_TOLERANCE = ScaledProblem.INTERPOLATION_TOLERANCE;
    /** Data with more rows skip the exchange: the arrangement's shapes grow as N^d. */
    public static final int MAX_POINTS = 32;
    /** Data whose arrangement may hold more shapes than this skip the exchange (bounded before building it). */
    public static final int MAX_SHAPES = 20_000;
    /** Shape sets decided at most (each a small dense solve). */
    public static final int MAX_SOLVES = 5_000;

    private ShapeExchange() {
    }

    /**
     * A network with fewer nonzero products that interpolates the same data (to
     * {@link #INTERPOLATION_TOLERANCE} of max |y|), or {@code f} itself when the exchange finds
     * none, {@code f} does not interpolate to that tolerance, or the data are outside its limits (more than {@link #MAX_POINTS} rows, more than
     * {@link #MAX_SHAPES} possible shapes, magnitudes outside 1e-300..1e300).
     *
     * @param f     an interpolating network of the model (the paper's: no affine part)
     */
    public static MultivariateNetwork improve(MultivariateNetwork f, MultivariateDataset data, MultivariateModel model) {
        if (data.size() > MAX_POINTS || data.size() < 2 || shapeBound(data.size(), data.dimension() + 1) > MAX_SHAPES
                || ScaledProblem.firstOutOfRange(data) != null || f.hasAffinePart() != (model == MultivariateModel.AFFINE)) {
            return f;
        }
        boolean affine = model == MultivariateModel.AFFINE;
        ScaledProblem problem = new ScaledProblem(data, model);
        if (!(problem.worstMiss(f) <= INTERPOLATION_TOLERANCE * problem.targetScale)) {
            return f; // keeps interpolation; does not create it
        }
        List<Atom> catalog = AtomCatalog.of(problem.rows, affine, MAX_SHAPES);
        ShapeFeasibility feasibility = ShapeFeasibility.withoutLinearPrograms(problem.rows, problem.y, affine);
        List<Atom> shapes = ShapeSwaps.improveWithin(problem.shapesOf(f), catalog, feasibility, MAX_SOLVES);
        double[][] products = feasibility.solve(shapes);
        Incumbent better = products == null ? null : problem.rebuild(shapes, products, "shape exchange");
        return better != null && better.parameters < L0Search.neuronParameters(f) ? better.network : f;
    }

    /**
     * An upper bound on the catalog's size: for each support of k of the m coordinates, both signs
     * of each cell of a central arrangement of n hyperplanes in R^k, at most 2 sum_{i<k} C(n-1, i).
     */
    static double shapeBound(int n, int m) {
        double total = 0;
        for (int k = 1; k <= m; k++) {
            double cells = 0;
            double choose = 1; // C(n - 1, i)
            for (int i = 0; i < k; i++) {
                cells += choose;
                choose = choose * (n - 1 - i) / (i + 1);
            }
            total += binomial(m, k) * 2 * cells * 2;
        }
        return total;
    }

    private static double binomial(int m, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (m - i) / (i + 1);
        }
        return c;
    }
}
