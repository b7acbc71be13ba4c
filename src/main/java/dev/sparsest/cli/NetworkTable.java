package dev.sparsest.cli;

import dev.sparsest.model.MultivariateNetwork;

/** A d-D network's neurons (and affine part), one line each, for people. */
final class NetworkTable {
    private NetworkTable() {
    }

    static String rows(MultivariateNetwork f) {
        double[] w = f.weights();
        double[] v = f.outputWeights();
        int m = f.inputDimension() + 1;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            StringBuilder row = new StringBuilder("  neuron " + (k + 1) + ": v = " + FitReport.num(v[k]) + ", w = (");
            for (int t = 0; t < m; t++) {
                row.append(t == 0 ? "" : ", ").append(FitReport.num(w[k * m + t]));
            }
            sb.append(row).append(")   (bias last)\n");
        }
        if (f.hasAffinePart()) {
            double[] a = f.affinePart();
            StringBuilder row = new StringBuilder("  affine part: a = (");
            for (int t = 0; t < m - 1; t++) {
                row.append(t == 0 ? "" : ", ").append(FitReport.num(a[t]));
            }
            sb.append(row).append("), c = ").append(FitReport.num(a[m - 1])).append('\n');
        }
        return sb.toString();
    }
}
