package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpolationCompletionTest {

    /**
     * A trained network one kink short (seed 1 of a grid instance: its only kink lies between
     * -0.5 and 0, while the points at -1, -0.75, -0.5 are not collinear): the completion adds a
     * neuron through a data point and the refit interpolates.
     */
    @Test
    void aNetworkOneKinkShortIsCompleted() {
        MultivariateDataset data = MultivariateDataset.of(new double[][] {{-0.75}, {0.0}, {-0.5}, {-1.0}},
                new double[] {0.3, 0.9, 0.3, 0.2});
        MultivariateNetwork trained = new MultivariateNetwork(
                new double[] {1.1120567128551526, 0.4080310657008693, 0.0, 0.6454972243679029, -0.447213595499958, 0.0},
                new double[] {1.184550329527283, 0.6454972243679029, -0.44721359549995804}, 1);
        double floor = OutputRefit.floor(data);
        assertTrue(OutputRefit.mse(trained, data) > 1e-5, "the trained network does not interpolate");
        MultivariateNetwork done = InterpolationCompletion.complete(trained, data, floor);
        assertTrue(OutputRefit.mse(done, data) <= floor, "interpolates: " + OutputRefit.mse(done, data));
        assertTrue(done.width() <= trained.width() + 1, "one neuron was enough: " + done.width());
        assertSame(done, InterpolationCompletion.complete(done, data, floor), "an interpolating network is left alone");
    }
}
