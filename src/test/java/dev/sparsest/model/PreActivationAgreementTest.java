package dev.sparsest.model;

import dev.sparsest.kernel.KernelProvider;
import dev.sparsest.kernel.Kernels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One definition of the d-D pre-activation: at points on (or within rounding of) a neuron's
 * boundary, the network's evaluation decides activity exactly as the kernels that trained it.
 * Each neuron's bias is set to minus its weights' dot product with a data point, summed in plain
 * doubles, so that z is 0 or a rounding-sized number of either sign depending on how it is
 * accumulated; the network and the scalar and chosen kernels must agree bit for bit.
 */
class PreActivationAgreementTest {

    @Test
    void theNetworkDecidesActivityAsTheKernelsDo() {
        SplittableRandom r = new SplittableRandom(42);
        for (Kernels kernels : new Kernels[] {KernelProvider.scalar(), KernelProvider.get()}) {
            for (int trial = 0; trial < 2000; trial++) {
                int d = 2 + r.nextInt(9);
                double[] x = new double[d];
                double[] w = new double[d + 1];
                double plain = 0;
                for (int t = 0; t < d; t++) {
                    x[t] = r.nextDouble() * 2 - 1;
                    w[t] = r.nextDouble() * 2 - 1;
                    plain += w[t] * x[t];
                }
                w[d] = -plain; // on the boundary in plain arithmetic
                double[] v = {1};
                double[] out = new double[1];
                kernels.lossNd().forward(x, 1, d, w, v, 1, out, new double[kernels.lossNd().work(1, d, 1)]);
                double network = new MultivariateNetwork(w, v, d).evaluate(x, 0);
                assertEquals(out[0], network, 0.0, kernels.name() + " trial " + trial + ": the kernel gives "
                        + out[0] + ", the network " + network);
            }
        }
    }
}
