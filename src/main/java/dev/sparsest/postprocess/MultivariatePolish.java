package dev.sparsest.postprocess;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.linalg.GaussNewton;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.numeric.PreActivation;

/**
 * The d-D post-processing of a pruned trained network: neurons linear on the data folded into
 * the affine part (affine networks), a least-squares refit of the output weights
 * ({@link OutputRefit}), Gauss-Newton on the nonzero parameters, for the paper's model an
 * interpolation completion ({@link InterpolationCompletion}), then at most N active neurons at no more l^p
 * cost ({@link NeuronReduction}). Internal to the library (the trainer's last step), not part of
 * its API.
 */
public final class MultivariatePolish {
    private MultivariatePolish() {
    }

    /**
     * The polished network: neurons linear on the data folded into the affine part (affine
     * networks, {@link LinearNeurons}), refit, refined, then reduced where the fit stays as good.
     */
    public static MultivariateNetwork polish(MultivariateNetwork pruned, MultivariateDataset data, double p) {
        MultivariateNetwork refined = refine(OutputRefit.refit(LinearNeurons.fold(pruned, data), data), data);
        if (!refined.hasAffinePart()) { // interpolation (the paper's model): complete what training left short
            MultivariateNetwork completed = InterpolationCompletion.complete(refined, data, OutputRefit.floor(data));
            refined = completed == refined ? refined : refine(completed, data);
        }
        MultivariateNetwork polished = fewerNeurons(refined, data, p);
        return LinearNeurons.fold(fewerCoordinates(polished, data, p), data); // the refinement can move a neuron off its last kink
    }

    /** {@link VertexPurification}, kept when it drops a parameter and the fit at the data stays as good. */
    private static MultivariateNetwork fewerCoordinates(MultivariateNetwork f, MultivariateDataset data, double p) {
        MultivariateNetwork purified = VertexPurification.purify(f, data, p, true);
        return purified != f && purified.nonzeroParameters(0) < f.nonzeroParameters(0) && asGood(purified, f, data) ? purified : f;
    }

    /** The fit at the data is as good as before, to rounding (or both at round-off level). */
    private static boolean asGood(MultivariateNetwork candidate, MultivariateNetwork before, MultivariateDataset data) {
        return mse(candidate, data) <= Math.max(2 * mse(before, data), OutputRefit.floor(data));
    }

    /**
     * At most N active neurons at no more l^p cost ({@link NeuronReduction}), kept when the fit
     * at the data stays as good (to rounding: the reduction does not move the outputs).
     */
    private static MultivariateNetwork fewerNeurons(MultivariateNetwork f, MultivariateDataset data, double p) {
        if (f.width() == 0) {
            return f;
        }
        MultivariateNetwork reduced = refine(NeuronReduction.reduce(f, data, p), data);
        return asGood(reduced, f, data) ? reduced : f;
    }

    /**
     * Gauss-Newton on the nonzero parameters only (zeros stay zero, so the sparsity is kept) and
     * the affine part:
     * minimum-norm steps towards the nearest interpolant, kept only while the MSE falls. O(N^3)
     * per step; used up to KnotRefinement.MAX_POINTS points.
     */
    private static MultivariateNetwork refine(MultivariateNetwork f, MultivariateDataset data) {
        int n = data.size();
        int d = f.dimension();
        int k = f.width();
        if (n > KnotRefinement.MAX_POINTS || k == 0) {
            return f;
        }
        double[] w = f.weights();
        double[] v = f.outputWeights();
        double[] affine = f.affinePart();
        int extra = affine.length;
        int[] free = new int[w.length];
        int nFree = 0;
        for (int e = 0; e < w.length; e++) {
            if (w[e] != 0) {
                free[nFree++] = e;
            }
        }
        double[] x = data.inputs();
        MultivariateNetwork best = f;
        double bestMse = mse(f, data);
        for (int step = 0; step < 30 && bestMse > 0; step++) {
            double[][] jac = new double[n][k + nFree + extra];
            double[] r = new double[n];
            double[] z = new double[k];
            for (int i = 0; i < n; i++) {
                double fi = extra == 0 ? 0 : PreActivation.of(affine, 0, x, i * d, d);
                if (extra > 0) {
                    System.arraycopy(x, i * d, jac[i], k + nFree, d);
                    jac[i][k + nFree + d] = 1;
                }
                for (int j = 0; j < k; j++) {
                    double zj = PreActivation.of(w, j * (d + 1), x, i * d, d);
                    z[j] = zj;
                    if (zj > 0) {
                        fi += v[j] * zj;
                        jac[i][j] = zj;
                    }
                }
                for (int q = 0; q < nFree; q++) {
                    int e = free[q];
                    int j = e / (d + 1);
                    int t = e % (d + 1);
                    if (z[j] > 0) {
                        jac[i][k + q] = v[j] * (t == d ? 1 : x[i * d + t]);
                    }
                }
                r[i] = fi - data.y(i);
            }
            double[] delta = GaussNewton.minimumNormStep(jac, r);
            if (delta == null) {
                break;
            }
            double[] nv = v.clone();
            double[] nw = w.clone();
            for (int j = 0; j < k; j++) {
                nv[j] += delta[j];
            }
            for (int q = 0; q < nFree; q++) {
                nw[free[q]] += delta[k + q];
            }
            double[] na = affine.clone();
            for (int t = 0; t < extra; t++) {
                na[t] += delta[k + nFree + t];
            }
            MultivariateNetwork candidate;
            try {
                candidate = new MultivariateNetwork(nw, nv, na, d);
            } catch (IllegalArgumentException e) {
                break;
            }
            double m = mse(candidate, data);
            if (!(m < bestMse)) {
                break;
            }
            best = candidate;
            bestMse = m;
            v = nv;
            w = nw;
            affine = na;
        }
        return best;
    }

    /** The mean squared error at the data. */
    public static double mse(MultivariateNetwork f, MultivariateDataset data) {
        return OutputRefit.mse(f, data);
    }
}
