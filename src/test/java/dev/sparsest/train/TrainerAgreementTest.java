package dev.sparsest.train;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.Penalty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer against the exact solver on random 1-D data (N = 5..12, x_i = i + U(0, 0.5), y in
 * [-1, 1] to two decimals, fixed seeds). Every trained, merged and polished network is checked:
 * at most N - 2 neurons, and when it interpolates (max residual 1e-9 of max|y|, the exact
 * solver's tolerance) never fewer than the l0 optimum (no interpolant has fewer: a bug). At most
 * 1% may fail to interpolate: a run that ends with N - 2 knots, two of them in one data interval,
 * is an ill-conditioned fit the polish gets only to MSE ~1e-19 (seen once in 200 on JDK 25).
 * The rate of reaching the exact l0 count is the trainer's quality. Settings: x normalized, a
 * 20 000-epoch Adam warm-up, lambda = 0.03 (the paper's, with the proximal step from epoch 6 and
 * raw x, reach the l0 count on 90 of these 200, 9 with the trained knots alone). Measured on these
 * 200 datasets: 189 (JDK 17) / 192 (JDK 25: other rounding in the vector sums, other runs) reach
 * the l0 count, 161 / 163 of them with the trained support alone, the others after the polish
 * added the knot(s) the penalized run had traded for a tiny misfit; with three restarts 199 of
 * 200 (181 with the trained support alone). Datasets are trained in parallel; each run is
 * single-threaded and deterministic, so the counts do not depend on the thread count.
 */
class TrainerAgreementTest {
    private static final TrainConfig SETTINGS = TrainConfig.defaults().withWarmupEpochs(20_000).withLambda(0.03)
            .withNormalization(true);

    @Test
    void singleRunsReachTheL0CountOnAtLeastNinetyPercentOf200Datasets() {
        Tally t = run(datasets(200), SETTINGS);
        assertTrue(t.interpolating >= 198, "polished networks interpolate: " + t);
        assertTrue(t.matched >= 180, "exact l0 count reached on >= 90%: " + t);
        assertTrue(t.matchedByTraining >= 150, "exact l0 count from the trained support alone on >= 75%: " + t);
    }

    @Test
    void restartsReachTheL0CountAlmostAlways() {
        Tally t = run(datasets(40), SETTINGS.withRestarts(3));
        assertEquals(40, t.interpolating, t.toString());
        assertTrue(t.matched >= 39, "three restarts: " + t);
    }

    private static List<UnivariateDataset> datasets(int count) {
        SplittableRandom r = new SplittableRandom(42);
        List<UnivariateDataset> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int n = 5 + r.nextInt(8);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + 0.5 * r.nextDouble();
                y[i] = Math.round((2 * r.nextDouble() - 1) * 100) / 100.0;
            }
            out.add(UnivariateDataset.of(x, y));
        }
        return out;
    }

    private static Tally run(List<UnivariateDataset> data, TrainConfig settings) {
        ChordPathSolver exact = new ChordPathSolver();
        int[][] outcome = IntStream.range(0, data.size()).parallel().mapToObj(s -> {
            UnivariateDataset d = data.get(s);
            int l0 = exact.solve(d, Penalty.l0()).neurons();
            TrainedUnivariate t = new UnivariateTrainer(settings.withSeed(s)).train(d);
            int got = t.network().neurons();
            boolean fits = maxResidual(t, d) <= 1e-9 * d.yScale();
            assertTrue(!fits || got >= l0, "dataset " + s + ": an interpolant with fewer neurons than the l0 optimum: " + got + " < " + l0);
            assertTrue(got <= d.size() - 2, "dataset " + s + ": " + got + " neurons for " + d.size() + " points");
            return new int[] {fits ? 1 : 0, fits && got == l0 ? 1 : 0, fits && got == l0 && t.knotsAdded() == 0 ? 1 : 0};
        }).toArray(int[][]::new);
        Tally t = new Tally(data.size());
        for (int[] o : outcome) {
            t.interpolating += o[0];
            t.matched += o[1];
            t.matchedByTraining += o[2];
        }
        System.out.println("TrainerAgreementTest " + settings + ": " + t);
        return t;
    }

    private static double maxResidual(TrainedUnivariate t, UnivariateDataset d) {
        double m = 0;
        for (int i = 0; i < d.size(); i++) {
            m = Math.max(m, Math.abs(t.network().evaluate(d.x(i)) - d.y(i)));
        }
        return m;
    }

    private static final class Tally {
        final int datasets;
        int interpolating;
        int matched;
        int matchedByTraining;

        Tally(int datasets) {
            this.datasets = datasets;
        }

        @Override
        public String toString() {
            return datasets + " datasets, " + interpolating + " interpolating, " + matched + " with the l0 count ("
                    + matchedByTraining + " without added knots)";
        }
    }
}
