package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.numeric.PreActivation;

/**
 * Neurons of an affine network that are linear on the data: one with a non-negative pre-activation
 * at every data point is w . x + b there, and goes into the unpenalized affine part (a += v w,
 * c += v b); one with a non-positive pre-activation everywhere contributes nothing and is dropped.
 * The outputs at the data are unchanged (to rounding); a fold is kept only when it does not raise
 * the count of nonzero parameters. Off the data (where such a neuron could switch) the network
 * changes: the problem asks for a fit of the data only.
 */
final class LinearNeurons {
    private LinearNeurons() {
    }

    static MultivariateNetwork fold(MultivariateNetwork f, MultivariateDataset data) {
        if (!f.hasAffinePart() || f.width() == 0) {
            return f;
        }
        int d = f.dimension();
        int m = d + 1;
        double[] w = f.weights();
        double[] v = f.outputWeights();
        double[] affine = f.affinePart();
        double[] x = data.inputs();
        boolean[] keep = new boolean[v.length];
        int kept = 0;
        for (int j = 0; j < v.length; j++) {
            boolean alwaysOn = true;
            boolean alwaysOff = true;
            for (int i = 0; i < data.size() && (alwaysOn || alwaysOff); i++) {
                double z = PreActivation.of(w, j * m, x, i * d, d);
                alwaysOn &= z >= 0;
                alwaysOff &= z <= 0;
            }
            if (alwaysOn && !alwaysOff) {
                for (int t = 0; t < m; t++) {
                    affine[t] += v[j] * w[j * m + t];
                }
            }
            keep[j] = !alwaysOn && !alwaysOff;
            kept += keep[j] ? 1 : 0;
        }
        if (kept == v.length) {
            return f;
        }
        double[] kw = new double[kept * m];
        double[] kv = new double[kept];
        for (int j = 0, c = 0; j < v.length; j++) {
            if (keep[j]) {
                System.arraycopy(w, j * m, kw, c * m, m);
                kv[c++] = v[j];
            }
        }
        MultivariateNetwork folded = new MultivariateNetwork(kw, kv, affine, d);
        return folded.nonzeroParameters(0) <= f.nonzeroParameters(0) ? folded : f;
    }
}
