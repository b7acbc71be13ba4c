package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordGeometry;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * Penalized mode: minimizes 1/2 sum_i w_i (f(x_i) - y_i)^2 + lambda * sum_k |c_k| over CPWL
 * functions f (1-D ReLU networks with skip term; sum |c_k| is their l1 path norm, the total
 * variation of f'), exactly, by following the solution path down from lambda_max
 * ({@link PenalizedPath}), then returns the sparsest network among the optima: the chord path's
 * l0 interpolant of the optimal values.
 *
 * <p>lambda &gt;= lambda_max gives the weighted least-squares line; lambda -&gt; 0 the
 * interpolant of the means. The problem is equivariant under x -&gt; a x + b, y -&gt; c y + d
 * with lambda -&gt; |a| c lambda (c &gt; 0). Cost: O(N) per bend that enters or leaves on the
 * way from lambda_max to lambda. Stateless; safe to share between threads.
 */
public final class PenalizedSolver {

    /** The optimum at {@code lambda >= 0} (in the data's units). */
    public PenalizedFit solve(NoisyData data, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0: " + lambda);
        }
        data.requireTwoPoints();
        UnivariateScaling sc = new UnivariateScaling(data);
        PenalizedPath path = path(data, sc);
        double lambdaMax = lambdaMax(sc, path);
        double target = Math.min(sc.lambda(lambda), path.lambdaMax()); // at and above lambda_max: the line
        while (path.advance(target)) {
            // follow the path down to the target
        }
        return fit(data, sc, path, lambdaMax, lambda);
    }

    /** lambda_max: the least lambda whose optimum is the least-squares line. */
    public double lambdaMax(NoisyData data) {
        data.requireTwoPoints();
        UnivariateScaling sc = new UnivariateScaling(data);
        return lambdaMax(sc, path(data, sc));
    }

    /** lambda_max in the data's units: (units of y) x (units of x), which can overflow where x and y cannot. */
    private static double lambdaMax(UnivariateScaling sc, PenalizedPath path) {
        double lambdaMax = sc.lambdaBack(path.lambdaMax());
        if (!Double.isFinite(lambdaMax)) {
            throw new InvalidDataException("lambda_max (units of x times units of y) overflows a double at these magnitudes"
                    + " (x span " + sc.xSpan + ", y range " + sc.yUnit + "); rescale the data");
        }
        return lambdaMax;
    }

    /**
     * The path from lambda_max down: one point per event, until the fit has more than
     * {@code maxKnots} knots or lambda reaches 0 (then a last point at lambda = 0).
     */
    public List<PathPoint> path(NoisyData data, int maxKnots) {
        if (maxKnots < 0) {
            throw new IllegalArgumentException("maxKnots must be >= 0: " + maxKnots);
        }
        data.requireTwoPoints();
        UnivariateScaling sc = new UnivariateScaling(data);
        PenalizedPath path = path(data, sc);
        lambdaMax(sc, path); // refuses a lambda scale that overflows
        List<PathPoint> points = new ArrayList<>();
        points.add(point(data, path, sc));
        while (points.get(points.size() - 1).knots() <= maxKnots) {
            boolean moved = path.advance(0);
            points.add(point(data, path, sc));
            if (!moved) {
                break;
            }
        }
        return points;
    }

    /** The knots are those of the network {@link #solve} returns: the chord path's count on the fitted values. */
    private static PathPoint point(NoisyData data, PenalizedPath path, UnivariateScaling sc) {
        double[] rssAndNorm = rssAndNorm(path, sc);
        int knots = 0;
        if (path.started() && path.lambda > 0) { // counted inside the segment below lambda, not at its end
            double end = path.segmentEnd();
            double mid = end > 0 ? Math.sqrt(end * path.lambda) : path.lambda / 2;
            double[] f = new double[data.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = sc.yBack(path.fittedAt(i, mid));
            }
            knots = network(data, sc, path, f).neurons();
        } else if (path.lambda == 0) {
            knots = network(data, sc, path, fitted(data, sc, path)).neurons();
        }
        return new PathPoint(sc.lambdaBack(path.lambda), knots, rssAndNorm[0], rssAndNorm[1]);
    }

    private static double[] fitted(NoisyData data, UnivariateScaling sc, PenalizedPath path) {
        double[] fitted = new double[data.size()];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = sc.yBack(path.fitted(i));
        }
        return fitted;
    }

    /** The sparsest network through the fitted values; the affine one while no bend has entered. */
    private static UnivariateNetwork network(NoisyData data, UnivariateScaling sc, PenalizedPath path, double[] fitted) {
        int n = fitted.length;
        if (n == 2 || !path.hasBends()) {
            return UnivariateNetwork.affine((fitted[n - 1] - fitted[0]) / (data.x(n - 1) - data.x(0)), data.x(0), fitted[0]);
        }
        // fitted values carry rounding relative to the data's scale, not to themselves
        ChordPathSolver chordPath = new ChordPathSolver(ChordGeometry.DEFAULT_TOLERANCE, data.yScale());
        return chordPath.solve(UnivariateDataset.of(data.xs(), fitted), Penalty.l0()).network();
    }

    private static PenalizedPath path(NoisyData data, UnivariateScaling sc) {
        sc.requireLambdaUnit();
        int n = data.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sc.x(data.x(i));
            y[i] = sc.y(data.mean(i));
            w[i] = data.weight(i);
        }
        return new PenalizedPath(x, y, w);
    }

    /** {weighted RSS, l1 path norm} of the current fit, in the data's units. */
    private static double[] rssAndNorm(PenalizedPath path, UnivariateScaling sc) {
        double rss = 0;
        for (int i = 0; i < path.n; i++) {
            double r = path.fitted(i) - path.y[i];
            rss += path.w[i] * r * r;
        }
        double norm = 0;
        double prev = Double.NaN;
        for (int i = 0; i + 1 < path.n; i++) {
            double slope = (path.fitted(i + 1) - path.fitted(i)) / (path.x[i + 1] - path.x[i]);
            if (i > 0 && path.sign[i] != 0) {
                norm += Math.abs(slope - prev);
            }
            prev = slope;
        }
        return new double[] {rss * sc.yUnit * sc.yUnit, norm * sc.yUnit / sc.xSpan};
    }

    private static PenalizedFit fit(NoisyData data, UnivariateScaling sc, PenalizedPath path, double lambdaMax, double lambda) {
        double[] fitted = fitted(data, sc, path);
        UnivariateNetwork net = network(data, sc, path, fitted);
        double[] rssAndNorm = rssAndNorm(path, sc);
        return new PenalizedFit(net, lambda, lambdaMax, fitted, rssAndNorm[0], rssAndNorm[1], path.events());
    }
}
