package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * d = 1 written as a d-D problem: neurons relu(w x + b) with the bias penalized and no skip
 * term, against the chord path's K* (fewest knots of an interpolant with a free skip term).
 * Relation (documented in README): the d-D optimum's restriction to [x_1, x_N] is an interpolant,
 * so it has at least K* knots inside (x_1, x_N), each a neuron with w != 0 and, unless the knot
 * is at 0, b != 0: P &gt;= 2 K* - [0 inside the data]. Conversely the chord path's network is a
 * d-D one once its skip term a x + c is written as alpha relu(x - s) + beta relu(t - x) with s
 * below and t above the data (4 parameters): P &lt;= 2 K* + 4.
 */
class OneDimensionalRelationTest {

    @Test
    void oracleInOneDimensionMatchesTheChordPathUpToTheSkipTerm() {
        Prop.forAll("d = 1 oracle vs chord path", PointsGen.integerGrid(2, 6)).shrinkWith(Points.shrinker(2)).tries(60).check(pts -> {
            int n = pts.n();
            UnivariateDataset data1 = UnivariateDataset.of(pts.x(), pts.y());
            int kStar = new ChordPathSolver().solve(data1, Penalty.l0()).neurons();
            double[][] rows = new double[n][1];
            for (int i = 0; i < n; i++) {
                rows[i][0] = pts.x()[i];
            }
            MultivariateOptimum opt = MultivariateOracle.of(MultivariateDataset.of(rows, pts.y())).l0();
            double lo = data1.x(0);
            double hi = data1.x(data1.size() - 1);
            MultivariateNetwork f = opt.network();
            double[] w = f.weights();
            TreeSet<Double> inside = new TreeSet<>();
            for (int k = 0; k < f.width(); k++) {
                double slope = w[2 * k];
                double bias = w[2 * k + 1];
                if (slope != 0) {
                    double knot = -bias / slope;
                    if (knot > lo + 1e-9 && knot < hi - 1e-9) {
                        inside.add(Math.round(knot * 1e9) / 1e9);
                    }
                }
            }
            assertTrue(inside.size() >= kStar, inside.size() + " knots inside the data, chord path needs " + kStar);
            int zeroInside = lo < 0 && hi > 0 ? 1 : 0;
            int p = opt.parameters();
            assertTrue(p >= 2 * kStar - zeroInside && p <= 2 * kStar + 4, "P = " + p + " with K* = " + kStar);
        });
    }
}
