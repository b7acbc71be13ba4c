package dev.sparsest;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainedUnivariate;
import dev.sparsest.train.UnivariateTrainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One solver, one kernel object and one trainer shared by 8 threads at once, each thread
 * checking every answer against the one computed alone beforehand (bitwise: nothing is shared
 * that could change an answer). Bounded: a fixed amount of work per thread (about a second here).
 */
class ConcurrencyStressTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    @Test
    void sharedSolverKernelsAndTrainerGiveTheSameAnswersUnderContention() throws Exception {
        SplittableRandom r = new SplittableRandom(17);
        ChordPathSolver solver = new ChordPathSolver();
        Kernels kernels = KernelProvider.get();
        UnivariateTrainer trainer = new UnivariateTrainer(TrainConfig.defaults().withEpochs(300).withWidth(20));
        List<UnivariateDataset> sets = new ArrayList<>();
        List<ExactSolution> solutions = new ArrayList<>();
        List<double[]> forwards = new ArrayList<>();
        List<double[]> trained = new ArrayList<>();
        double[] w = uniform(r, 37), b = uniform(r, 37), v = uniform(r, 37);
        for (int s = 0; s < 16; s++) {
            int n = 3 + r.nextInt(300);
            double[] x = uniform(r, n);
            java.util.Arrays.sort(x);
            UnivariateDataset d = UnivariateDataset.of(x, uniform(r, n));
            sets.add(d);
            solutions.add(solver.solve(d, s % 2 == 0 ? Penalty.l0() : Penalty.lp(0.5)));
            double[] out = new double[n];
            kernels.loss1d().forward(d.xs(), n, w, b, v, 37, 0.2, -0.1, out);
            forwards.add(out);
            trained.add(s < 4 ? trainer.train(d).raw().w() : null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        int s = (round + offset) % sets.size();
                        UnivariateDataset d = sets.get(s);
                        ExactSolution e = solver.solve(d, s % 2 == 0 ? Penalty.l0() : Penalty.lp(0.5));
                        assertArrayEquals(solutions.get(s).network().knots(), e.network().knots(), 0.0, "solver, set " + s);
                        double[] out = new double[d.size()];
                        kernels.loss1d().forward(d.xs(), d.size(), w, b, v, 37, 0.2, -0.1, out);
                        assertArrayEquals(forwards.get(s), out, 0.0, "forward, set " + s);
                        if (trained.get(s) != null && round % 10 == 0) {
                            TrainedUnivariate tr = trainer.train(d);
                            assertArrayEquals(trained.get(s), tr.raw().w(), 0.0, "trainer, set " + s);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(ROUNDS, f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] uniform(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }
}
