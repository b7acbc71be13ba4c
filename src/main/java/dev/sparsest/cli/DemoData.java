package dev.sparsest.cli;

import dev.sparsest.data.UnivariateDataset;

import java.util.Random;

/** The built-in example datasets of the demo. */
final class DemoData {
    private DemoData() {
    }

    record Example(String name, String file, String description, UnivariateDataset data) {
    }

    static Example[] all() {
        return new Example[] {peakPlateau(), thresholdExample(), noisySine()};
    }

    /** The paper's univariate experiment: a peak on a plateau. */
    static Example peakPlateau() {
        return new Example("Peak and plateau (the paper's experiment)", "peak-plateau",
                "x = -2..3, y = (0, 0, 1, 1, 0, 0)",
                UnivariateDataset.of(new double[] {-2, -1, 0, 1, 2, 3}, new double[] {0, 0, 1, 1, 0, 0}));
    }

    /** THEORY.md's example whose p* is about 0.1807. */
    static Example thresholdExample() {
        return new Example("The p* example", "p-star-example",
                "x = 0..5, y = (0, 0, 0.01, 1.02, 3.03, 5.05)",
                UnivariateDataset.of(new double[] {0, 1, 2, 3, 4, 5}, new double[] {0, 0, 0.01, 1.02, 3.03, 5.05}));
    }

    /** 200 noisy samples of sin on [0, 2 pi], sorted random abscissae, fixed seed. */
    static Example noisySine() {
        Random r = new Random(2505_21791L);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * Math.PI * r.nextDouble();
        }
        java.util.Arrays.sort(x);
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(x[i]) + 0.05 * r.nextGaussian();
        }
        return new Example("Noisy sine, 200 points", "noisy-sine", "y = sin(x) + N(0, 0.05^2), x uniform in [0, 2 pi]",
                UnivariateDataset.of(x, y));
    }
}
