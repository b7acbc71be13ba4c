package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LinearNeuronsTest {

    @Test
    void neuronsLinearOnTheDataGoIntoTheAffinePartAndTheOutputsStay() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = new double[40][2];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = r.nextDouble() * 2 - 1;
            x[i][1] = r.nextDouble() * 2 - 1;
        }
        MultivariateDataset data = MultivariateDataset.samples(x, y);
        // on at every point (x1 + 5 > 0), off at every point (x2 - 5 < 0), and a kink through the data
        double[] w = {1, 0.5, 5, 0.3, 1, -5, 1, -1, 0};
        MultivariateNetwork f = new MultivariateNetwork(w, new double[] {2, 7, -1.5}, new double[] {0.25, -1, 3}, 2);
        MultivariateNetwork g = LinearNeurons.fold(f, data);
        assertEquals(1, g.width());
        assertEquals(-1.5, g.outputWeights()[0]);
        assertEquals(0.25 + 2 * 1, g.affinePart()[0], 1e-15);
        assertEquals(-1 + 2 * 0.5, g.affinePart()[1], 1e-15, "a zero affine weight (fewer parameters still)");
        assertEquals(3 + 2 * 5, g.affinePart()[2], 1e-15);
        for (int i = 0; i < 40; i++) {
            assertEquals(f.evaluate(data.inputs(), 2 * i), g.evaluate(data.inputs(), 2 * i), 1e-13, "row " + i);
        }
        assertEquals(f.nonzeroParameters(0) - 3 - 3 - 1, g.nonzeroParameters(0));
        MultivariateNetwork paper = new MultivariateNetwork(w, new double[] {2, 7, -1.5}, 2);
        assertSame(paper, LinearNeurons.fold(paper, data), "the paper's model has no affine part to take them");
    }
}
