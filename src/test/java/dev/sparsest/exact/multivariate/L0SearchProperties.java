package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact l0 search against two independent formulations: the vertex walk over Lemma 4.1's
 * polytope (the paper's model) and a big-M MILP over all patterns solved by ojAlgo (both models).
 * Every answer is also checked directly: it interpolates (1e-8 of max |y|, the search's own
 * acceptance), its counted parameters are the network's nonzero products, and it is proved.
 */
class L0SearchProperties {
    @Test
    void paperModelAgreesWithTheVertexWalkOnGridAndGaussianData() {
        int[] refusedByOracle = new int[1];
        int tries = Prop.forAll("l0 search = vertex walk (paper model)", Gen.oneOf(TinyData.grid(), TinyData.gaussian(), degenerate()))
                .shrinkWith(TinyData.shrinker()).tries(240).check(t -> {
                    MultivariateDataset data = t.dataset();
                    L0Certificate c = L0Search.of(data, MultivariateModel.PAPER).solve(60, null, null);
                    check(data, c);
                    int oracle;
                    try {
                        oracle = MultivariateOracle.of(data).l0().parameters();
                    } catch (ArithmeticException e) {
                        refusedByOracle[0]++; // the vertex walk's conditioning limit; the search has none
                        return;
                    }
                    assertEquals(oracle, c.parameters(), "the vertex walk's l0 optimum");
                });
        assertTrue(refusedByOracle[0] <= tries / 10, refusedByOracle[0] + " of " + tries + " refused by the oracle");
    }

    /**
     * The agreement check of issue 18: 200 tiny instances (grid, Gaussian, degenerate: collinear,
     * one repeated label, all-zero labels, a point at the origin), both models, each against the
     * big-M MILP over all patterns (about 80 s: ojAlgo's branch and bound already uses both cores).
     */
    @Test
    void bothModelsAgreeWithTheMixedIntegerProgramOn200TinyInstances() {
        int[] untrusted = new int[1];
        int tries = Prop.forAll("l0 search = big-M MILP (200 tiny instances)", milpFast()).shrinkWith(TinyData.shrinker())
                .tries(200).check(t -> {
                    MultivariateDataset data = t.dataset();
                    for (MultivariateModel model : MultivariateModel.values()) {
                        untrusted[0] += compareWithMilp(data, model, L0MixedIntegerProgram.l0(data, model == MultivariateModel.AFFINE));
                    }
                });
        assertTrue(untrusted[0] <= 2 * tries / 20, untrusted[0] + " of " + 2 * tries + " MILPs not trusted");
    }

    /** Fewer instances at the sizes where the MILP often reaches its time limit (4 points in the plane, 6 on the line). */
    @Test
    void bothModelsAgreeWithTheMixedIntegerProgramAtItsLimits() {
        int[] untrusted = new int[1];
        int tries = Prop.forAll("l0 search = big-M MILP (both models)", Gen.oneOf(milpSized(TinyData.grid()), degenerate(), small()))
                .shrinkWith(TinyData.shrinker()).tries(10).check(t -> {
                    MultivariateDataset data = t.dataset();
                    for (MultivariateModel model : MultivariateModel.values()) {
                        untrusted[0] += compareWithMilp(data, model, L0MixedIntegerProgram.l0(data, model == MultivariateModel.AFFINE));
                    }
                });
        assertTrue(untrusted[0] <= tries, untrusted[0] + " of " + 2 * tries + " MILPs touched the box or the time limit");
    }

    /** Checks the search against a MILP answer; 1 when the MILP answer is not trusted, else 0. */
    private static int compareWithMilp(MultivariateDataset data, MultivariateModel model, int milp) {
        L0Certificate c = L0Search.of(data, model).solve(60, null, null);
        check(data, c);
        if (milp < 0 || milp > c.parameters()) {
            // not trusted: touched its box or time limit, or stopped at an incumbent worse than a
            // network check() just verified (seen on a loaded CI machine: ojAlgo reported 2 as
            // optimal where a 1-parameter interpolant exists)
            return 1;
        }
        assertEquals(milp, c.parameters(), "the MILP's optimum, " + model + " model");
        return 0;
    }

    /** The same instance in metres and in millimetres, and with y in other units: the same count. */
    @Test
    void unitsDoNotChangeTheCount() {
        Prop.forAll("l0 count is unit-free", Gen.oneOf(TinyData.grid(), TinyData.gaussian()))
                .shrinkWith(TinyData.shrinker()).tries(60).check(t -> {
                    MultivariateDataset data = t.dataset();
                    int base = L0Search.of(data, MultivariateModel.PAPER).solve(60, null, null).parameters();
                    for (double[] s : new double[][] {{1e3, 1}, {1e-3, 1e6}, {1, 1e-9}}) {
                        MultivariateDataset scaled = rescale(t, s[0], s[1]);
                        L0Certificate c = L0Search.of(scaled, MultivariateModel.PAPER).solve(60, null, null);
                        check(scaled, c);
                        assertEquals(base, c.parameters(), "inputs x " + s[0] + ", targets x " + s[1]);
                    }
                });
    }

    /** The paper's problem at d = 1 against the vertex walk at larger 1-D sizes (up to 7 points). */
    @Test
    void oneDimensionalPaperProblemAgreesUpToSevenPoints() {
        Prop.forAll("d = 1: l0 search = vertex walk", TinyData.generalPosition(1, 7)).shrinkWith(TinyData.shrinker()).tries(30)
                .check(t -> {
                    MultivariateDataset data = t.dataset();
                    L0Certificate c = L0Search.of(data, MultivariateModel.PAPER).solve(60, null, null);
                    check(data, c);
                    assertEquals(MultivariateOracle.of(data).l0().parameters(), c.parameters());
                });
    }

    private static MultivariateDataset rescale(TinyData t, double inputs, double targets) {
        double[][] cols = new double[t.columns().length][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = t.columns()[c].clone();
            for (int i = 0; i < cols[c].length; i++) {
                cols[c][i] *= c < t.d() ? inputs : targets;
            }
        }
        return new TinyData(cols).dataset();
    }

    /**
     * Degenerate data: collinear inputs, one repeated label, all labels zero, a point at the
     * origin; 2 to 4 points in 1 to 3 dimensions.
     */
    static Gen<TinyData> degenerate() {
        return r -> {
            int d = 1 + r.nextInt(3);
            int n = 2 + r.nextInt(d == 3 ? 2 : 3);
            int kind = r.nextInt(4);
            double[][] cols = new double[d + 1][n];
            double[] direction = new double[d];
            for (int t = 0; t < d; t++) {
                direction[t] = r.nextInt(5) - 2;
            }
            direction[0] = direction[0] == 0 ? 1 : direction[0];
            double label = r.nextInt(5) - 2;
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < d; t++) {
                    cols[t][i] = kind == 0 ? (i + 1) * direction[t] : kind == 3 && i == 0 ? 0 : r.nextInt(9) - 4;
                }
                cols[d][i] = kind == 1 ? label : kind == 2 ? 0 : r.nextInt(7) - 3;
            }
            return distinctRows(new TinyData(cols));
        };
    }

    /** Gaussian data of 2 to 4 points in the plane or 2 to 3 in space (the MILP's branch and bound is slow beyond). */
    static Gen<TinyData> small() {
        return r -> {
            int d = 2 + r.nextInt(2);
            return TinyData.generalPosition(d, d == 2 ? 4 : 3).next(r);
        };
    }

    /**
     * Grid, degenerate and Gaussian data at the sizes where ojAlgo's branch and bound takes a
     * fraction of a second: up to 4 points on the line, 3 in the plane or in space.
     */
    static Gen<TinyData> milpFast() {
        Gen<TinyData> any = Gen.oneOf(TinyData.grid(), TinyData.gaussian(), degenerate());
        return r -> {
            TinyData t = any.next(r);
            int keep = Math.min(t.n(), t.d() == 1 ? 4 : 3);
            return new TinyData(java.util.Arrays.stream(t.columns()).map(c -> java.util.Arrays.copyOf(c, keep)).toArray(double[][]::new));
        };
    }

    /** At most 3 points in space (the MILP's branch and bound is slow beyond). */
    static Gen<TinyData> milpSized(Gen<TinyData> gen) {
        return r -> {
            TinyData t = gen.next(r);
            return t.d() < 3 || t.n() <= 3 ? t : new TinyData(java.util.Arrays.stream(t.columns())
                    .map(c -> java.util.Arrays.copyOf(c, 3)).toArray(double[][]::new));
        };
    }

    /** Repeated input rows dropped (a repeat with another label is not interpolation data). */
    private static TinyData distinctRows(TinyData t) {
        int n = t.n();
        int d = t.d();
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = true;
            for (int j = 0; j < i && keep[i]; j++) {
                if (!keep[j]) {
                    continue;
                }
                boolean same = true;
                for (int c = 0; c < d; c++) {
                    same &= t.columns()[c][i] == t.columns()[c][j];
                }
                keep[i] = !same;
            }
            kept += keep[i] ? 1 : 0;
        }
        if (kept < 2) {
            double[][] cols = t.columns().clone();
            cols[0] = cols[0].clone();
            for (int i = 0; i < n; i++) {
                cols[0][i] = i; // distinct along the first axis
            }
            return new TinyData(cols);
        }
        double[][] cols = new double[d + 1][kept];
        for (int c = 0; c <= d; c++) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    cols[c][k++] = t.columns()[c][i];
                }
            }
        }
        return new TinyData(cols);
    }

    static void check(MultivariateDataset data, L0Certificate c) {
        assertTrue(c.proved(), "proved (lower bound " + c.lowerBound() + ", found " + c.parameters() + ")");
        assertEquals(0, c.numericalRejects(), "no shape set rejected when rebuilt");
        MultivariateNetwork f = c.network();
        double scale = 0;
        for (int i = 0; i < data.size(); i++) {
            scale = Math.max(scale, Math.abs(data.y(i)));
        }
        for (int i = 0; i < data.size(); i++) {
            double miss = Math.abs(f.evaluate(data.inputs(), i * data.dimension()) - data.y(i));
            assertTrue(miss <= L0Search.INTERPOLATION_TOLERANCE * Math.max(scale, 1e-300), "misses point " + i + " by " + miss);
        }
        assertEquals(c.parameters(), L0Search.neuronParameters(f), "the counted parameters are the network's nonzero products");
        assertTrue(c.neurons() <= data.size(), "at most N neurons (Prop. 4.1)");
    }
}
