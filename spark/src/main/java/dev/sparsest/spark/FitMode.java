package dev.sparsest.spark;

import dev.sparsest.data.NoisyData;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordGeometry;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.PenalizedFit;
import dev.sparsest.noisy.PenalizedSolver;
import dev.sparsest.noisy.TubeFit;
import dev.sparsest.noisy.TubeSolver;

import java.io.Serializable;

/**
 * How each group is fitted: the library's exact 1-D modes. Serializable, so Spark ships it to
 * the executors. {@link #parse} reads the same choices from text (for PySpark).
 */
public final class FitMode implements Serializable {
    private static final long serialVersionUID = 1L;

    private enum Kind { INTERPOLATION, TUBE, TUBE_COLUMN, LAMBDA }

    private final Kind kind;
    private final String name;
    /** p for interpolation (0 for l0, 1 for l1), the tube's half-width, or lambda. */
    private final double value;
    private final String column;

    private FitMode(Kind kind, String name, double value, String column) {
        this.kind = kind;
        this.name = name;
        this.value = value;
        this.column = column;
    }

    /** The sparsest interpolant (fewest knots). */
    public static FitMode l0() {
        return new FitMode(Kind.INTERPOLATION, "l0", 0, null);
    }

    /** The l1-optimal interpolant (the sparsest of its optima). */
    public static FitMode l1() {
        return new FitMode(Kind.INTERPOLATION, "l1", 1, null);
    }

    /** The l^p-optimal interpolant, 0 &lt; p &lt; 1. */
    public static FitMode lp(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1): " + p + " (l0() and l1() are the ends)");
        }
        return new FitMode(Kind.INTERPOLATION, "lp:" + p, p, null);
    }

    /** The fewest knots with |f(x_i) - y_i| &lt;= eps for every row. */
    public static FitMode tube(double eps) {
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("the tube half-width must be finite and >= 0: " + eps);
        }
        return new FitMode(Kind.TUBE, "tube:" + eps, eps, null);
    }

    /** The fewest knots inside per-row tubes whose half-widths are in {@code column}. */
    public static FitMode tubeFromColumn(String column) {
        return new FitMode(Kind.TUBE_COLUMN, "tube:" + column, Double.NaN, column);
    }

    /** The exact minimizer of RSS/2 + lambda * (l1 path norm). */
    public static FitMode lambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0: " + lambda);
        }
        return new FitMode(Kind.LAMBDA, "lambda:" + lambda, lambda, null);
    }

    /**
     * From text: {@code l0}, {@code l1}, {@code lp:P}, {@code tube:EPS}, {@code tube:COLUMN} (a
     * column name, for per-row half-widths) or {@code lambda:L}.
     */
    public static FitMode parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? "" : t.substring(colon + 1).strip();
        try {
            switch (head) {
                case "l0":
                    return l0();
                case "l1":
                    return l1();
                case "lp":
                    return lp(Double.parseDouble(arg));
                case "tube":
                    return isNumber(arg) ? tube(Double.parseDouble(arg)) : tubeFromColumn(arg);
                case "lambda":
                    return lambda(Double.parseDouble(arg));
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fit mode '" + text + "': '" + arg + "' is not a number");
        }
        throw new IllegalArgumentException("fit mode '" + text + "': use l0, l1, lp:P, tube:EPS, tube:COLUMN or lambda:L");
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public String name() {
        return name;
    }

    /** The column of per-row tube half-widths, or null. */
    String toleranceColumn() {
        return column;
    }

    /** A fitted network and the mode's objective. */
    record Result(UnivariateNetwork network, double cost) {
    }

    /** Fits one group (x sorted or not; eps only for per-row tubes). */
    Result fit(double[] x, double[] y, double[] eps) {
        switch (kind) {
            case INTERPOLATION: {
                Penalty penalty = value == 0 ? Penalty.l0() : value == 1 ? Penalty.l1() : Penalty.lp(value);
                ExactSolution s = new ChordPathSolver(ChordGeometry.DEFAULT_TOLERANCE).solve(UnivariateDataset.of(x, y), penalty);
                return new Result(s.network(), s.cost());
            }
            case TUBE: {
                TubeFit t = new TubeSolver().solve(NoisyData.of(x, y, value));
                return new Result(t.network(), t.minimumKnots());
            }
            case TUBE_COLUMN: {
                TubeFit t = new TubeSolver().solve(NoisyData.withTolerances(x, y, eps));
                return new Result(t.network(), t.minimumKnots());
            }
            default: {
                PenalizedFit p = new PenalizedSolver().solve(NoisyData.of(x, y), value);
                return new Result(p.network(), p.objective());
            }
        }
    }
}
