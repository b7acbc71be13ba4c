package dev.sparsest.train;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.model.MultivariateNetwork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folds, the one-standard-error rule, and a selection's independence of the thread count. */
class LambdaSelectionTest {

    @Test
    void foldsPartitionTheRowsEvenlyAndDependOnTheSeedOnly() {
        for (int n : new int[] {10, 11, 37, 442}) {
            for (int k : new int[] {2, 3, 5}) {
                int[][] parts = LambdaSelection.split(n, new LambdaSelection.CrossValidation(k), 7);
                int[] seen = new int[n];
                for (int[] part : parts) {
                    assertTrue(part.length == n / k || part.length == n / k + 1, "fold size " + part.length);
                    for (int i : part) {
                        seen[i]++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(1, seen[i], "row " + i + " held out once");
                }
                assertTrue(Arrays.deepEquals(parts, LambdaSelection.split(n, new LambdaSelection.CrossValidation(k), 7)));
                assertTrue(!Arrays.deepEquals(parts, LambdaSelection.split(n, new LambdaSelection.CrossValidation(k), 8)),
                        "another seed, other folds");
            }
        }
        assertEquals(25, LambdaSelection.split(100, new LambdaSelection.Holdout(0.25), 1)[0].length);
        assertThrows(IllegalArgumentException.class, () -> LambdaSelection.split(9, new LambdaSelection.CrossValidation(5), 1));
        assertThrows(IllegalArgumentException.class, () -> LambdaSelection.split(3, new LambdaSelection.Holdout(0.1), 1));
        assertThrows(IllegalArgumentException.class, () -> new LambdaSelection.CrossValidation(1));
        assertThrows(IllegalArgumentException.class, () -> new LambdaSelection.Holdout(1));
    }

    private static LambdaSelection.Row row(double lambda, double mse, double se, int parameters) {
        MultivariateNetwork f = new MultivariateNetwork(new double[0], new double[0], new double[] {0, 0}, 1);
        TrainedMultivariate t = new TrainedMultivariate(f, f, 0, parameters, 0, 0, 0, History.forEpochs(0));
        return new LambdaSelection.Row(lambda, mse, se, parameters, t);
    }

    @Test
    void theRuleTakesTheFewestParametersWithinOneStandardErrorOfTheLeast() {
        List<LambdaSelection.Row> rows = new ArrayList<>(List.of(row(0.001, 10, 1, 90), row(0.01, 5, 1, 40), row(0.1, 5.9, 2, 12),
                row(1, 6.1, 1, 2)));
        assertEquals(2, LambdaSelection.oneStandardError(rows), "5.9 <= 5 + 1 with 12 parameters; 6.1 is out");
        rows.set(3, row(1, 6.0, 1, 2));
        assertEquals(3, LambdaSelection.oneStandardError(rows), "6.0 is within 5 + 1: the sparsest");
        rows.set(3, row(1, 5.5, 1, 12));
        assertEquals(3, LambdaSelection.oneStandardError(rows), "a tie in parameters goes to the larger lambda");
        assertEquals(0, LambdaSelection.oneStandardError(List.of(row(0.1, 3, 0, 7))));
    }

    @Test
    void aPathThatFailsFailsTheSelection() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = new double[30][2];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i][0] = r.nextDouble();
            x[i][1] = r.nextDouble();
            y[i] = r.nextDouble();
        }
        LambdaSelection diverging = new LambdaSelection(TrainConfig.defaults().withWidth(4).withLearningRate(1e300),
                LambdaGrid.defaults().withEpochs(50), 2, KernelProvider.get());
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> diverging.select(MultivariateDataset.of(x, y), new LambdaSelection.CrossValidation(3)));
        assertTrue(e instanceof TrainingDivergedException || e instanceof dev.sparsest.data.InvalidDataException, e.toString());
    }

    @Test
    void theSameChoiceForEveryThreadCountAndFewerParametersAsLambdaGrows() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 48;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 2 - 1;
            x[i][1] = r.nextDouble() * 2 - 1;
            y[i] = Math.max(x[i][0] - x[i][1], 0) + 0.2 * x[i][1] + 0.05 * (r.nextDouble() - 0.5);
        }
        MultivariateDataset data = MultivariateDataset.of(x, y);
        TrainConfig config = TrainConfig.defaults().withWidth(6);
        LambdaGrid grid = LambdaGrid.defaults().withEpochs(400);
        LambdaSelection.Method cv = new LambdaSelection.CrossValidation(3);
        LambdaSelection.Result one = new LambdaSelection(config, grid, 1, KernelProvider.get()).select(data, cv);
        LambdaSelection.Result two = new LambdaSelection(config, grid, 3, KernelProvider.get()).select(data, cv);
        assertEquals(one.rows().size(), two.rows().size());
        assertEquals(one.chosen(), two.chosen());
        for (int s = 0; s < one.rows().size(); s++) {
            LambdaSelection.Row a = one.rows().get(s);
            LambdaSelection.Row b = two.rows().get(s);
            assertEquals(a.validationMse(), b.validationMse(), 0.0, "step " + s);
            assertArrayEquals(a.full().network().weights(), b.full().network().weights(), 0.0);
        }
        List<LambdaSelection.Row> rows = one.rows();
        assertEquals(0, rows.get(rows.size() - 1).full().activeNeurons(), "the path ends where no neuron is left");
        assertTrue(rows.get(0).full().nonzeroParameters() > rows.get(rows.size() - 1).full().nonzeroParameters());
        assertTrue(one.choice().full().activeNeurons() >= 1, "the kink needs a neuron");
        assertTrue(one.choice().validationMse() < rows.get(rows.size() - 1).validationMse() / 4,
                "the chosen network beats the plane: " + one.choice().validationMse() + " against "
                        + rows.get(rows.size() - 1).validationMse());
    }
}
