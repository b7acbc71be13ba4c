package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paper's multivariate claims (THEORY.md section 2) on exact optima of tiny instances.
 * Tolerances: interpolation 1e-9 of max|y| (the oracle's own check is 1e-8; the enumeration is a
 * handful of Gauss-Jordan steps on data of unit size); costs compared at 1e-7 relative (ojAlgo's
 * default LP tolerances).
 */
class MultivariateOracleProperties {
    private static final double[] PS = {0.3, 0.7, 1};

    @Test
    void exactOptimaInterpolateWithAtMostNActiveNeurons() {
        Prop.forAll("exact optima: interpolation and at most N neurons (Prop. 4.1)", TinyData.grid())
                .shrinkWith(TinyData.shrinker()).tries(60).check(t -> {
                    MultivariateDataset data = t.dataset();
                    MultivariateOracle.Answers answers = MultivariateOracle.of(data).solve(0, PS[0], PS[1], PS[2]);
                    MultivariateOptimum l0 = answers.optimum(0);
                    check(data, l0);
                    for (int k = 0; k < PS.length; k++) {
                        MultivariateOptimum lp = answers.optimum(k + 1);
                        check(data, lp);
                        assertTrue(lp.parameters() >= l0.parameters(), "l0 is the least count");
                        assertTrue(lp.cost() <= l0.network().pathNorm(PS[k]) * (1 + 1e-9),
                                "the l^p optimum costs no more than the l0 optimum's network at p = " + PS[k]);
                    }
                });
    }

    /**
     * Gaussian inputs: solved, or refused with the ill-conditioning message (never a wrong
     * answer); the refusals are counted and bounded (2 of 40 Gaussian 4-point sets in the plane).
     */
    @Test
    void gaussianDataAreSolvedOrRefusedAsIllConditioned() {
        int[] refused = new int[1];
        int tries = Prop.forAll("Gaussian data: exact optimum or a clear refusal", TinyData.gaussian())
                .shrinkWith(TinyData.shrinker()).tries(60).check(t -> {
                    MultivariateDataset data = t.dataset();
                    MultivariateOracle.Answers answers;
                    try {
                        answers = MultivariateOracle.of(data).solve(0, 0.5);
                    } catch (ArithmeticException e) {
                        assertTrue(e.getMessage().contains("condition number"), e.getMessage());
                        refused[0]++;
                        return;
                    }
                    check(data, answers.optimum(0));
                    check(data, answers.optimum(1));
                });
        assertTrue(refused[0] <= tries / 5, refused[0] + " of " + tries + " refused");
    }

    private static void check(MultivariateDataset data, MultivariateOptimum opt) {
        MultivariateNetwork f = opt.network();
        double scale = 0;
        for (int i = 0; i < data.size(); i++) {
            scale = Math.max(scale, Math.abs(data.y(i)));
        }
        for (int i = 0; i < data.size(); i++) {
            double miss = Math.abs(f.evaluate(data.inputs(), i * data.dimension()) - data.y(i));
            assertTrue(miss <= 1e-9 * Math.max(scale, 1e-300), "misses point " + i + " by " + miss + " (p = " + opt.p() + ")");
        }
        assertTrue(opt.neurons() <= data.size(), opt.neurons() + " active neurons for " + data.size() + " points");
        // the same zero test as the network written: exact zeros, no threshold
        assertEquals(opt.parameters(), f.nonzeroParameters(0), "the counted parameters are the network's nonzero entries");
        assertEquals(opt.neurons(), f.activeNeurons(0), "the counted neurons are the network's");
    }

    @Test
    void fewPointsNeedAtMostTwoParametersEach() {
        Prop.forAll("N <= d + 1: at most 2N parameters, N with labels of one sign", TinyData.grid())
                .shrinkWith(TinyData.shrinker()).tries(80).check(t -> {
                    if (t.n() > t.d() + 1) {
                        return;
                    }
                    MultivariateDataset data = t.dataset();
                    int l0 = MultivariateOracle.of(data).l0().parameters();
                    boolean oneSign = true;
                    for (int i = 0; i < t.n(); i++) {
                        oneSign &= data.y(i) * data.y(0) > 0;
                    }
                    int bound = oneSign ? t.n() : 2 * t.n();
                    assertTrue(l0 <= bound, l0 + " parameters, bound " + bound);
                });
    }

    @Test
    void l1OptimumAgreesWithTheLinearProgramOverAllPatterns() {
        Prop.forAll("the l1 vertex optimum is the LP optimum of Lemma 4.1", TinyData.grid())
                .shrinkWith(TinyData.shrinker()).tries(40).check(t -> {
                    MultivariateDataset data = t.dataset();
                    double vertex = MultivariateOracle.of(data).lp(1).cost();
                    double lp = Lemma41LinearProgram.l1Optimum(data);
                    assertEquals(lp, vertex, 1e-7 * Math.max(1, lp), "l1 optimum: LP " + lp + ", vertices " + vertex);
                });
    }

    @Test
    void smallPGivesTheL0CountAndPStarBracketsNest() {
        Prop.forAll("Thm 4.1: small p is sparsest; p* brackets nest under refinement", TinyData.grid())
                .shrinkWith(TinyData.shrinker()).tries(40).check(t -> {
                    MultivariateOracle oracle = MultivariateOracle.of(t.dataset());
                    MultivariateOracle.Answers small = oracle.solve(0, 0.01);
                    assertTrue(small.everyOptimumIsSparsest(1), "at p = 0.01 some optimum is not sparsest");
                    assertEquals(small.optimum(0).parameters(), small.optimum(1).parameters(), "at p = 0.01 the l0 count");
                    ThresholdEstimate coarse = oracle.threshold(0.1);
                    ThresholdEstimate fine = oracle.threshold(0.05);
                    assertTrue(fine.below() >= coarse.below() - 1e-12 && fine.above() <= coarse.above() + 1e-12,
                            "refined bracket [" + fine.below() + ", " + fine.above() + ") is not inside ["
                                    + coarse.below() + ", " + coarse.above() + ")");
                });
    }
}
