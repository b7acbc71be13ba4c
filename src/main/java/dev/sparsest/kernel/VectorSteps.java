package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.D;
import static dev.sparsest.kernel.VectorLanes.DL;

/** The step kernels on vectors: counts, products and Adam; the proximal step is the reference's. */
final class VectorSteps implements StepKernels {
    static final VectorSteps INSTANCE = new VectorSteps();

    private VectorSteps() {
    }

    @Override
    public int countNonzero(double[] v, double[] w, int k, int m, double threshold) {
        int count = 0;
        if (m == 1) {
            int j = 0;
            for (; j + DL <= k; j += DL) {
                DoubleVector q = DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).abs();
                count += q.compare(VectorOperators.GT, threshold).trueCount();
            }
            for (; j < k; j++) {
                if (Math.abs(v[j] * w[j]) > threshold) {
                    count++;
                }
            }
            return count;
        }
        for (int j = 0; j < k; j++) {
            count += countRow(v[j], w, j * m, m, threshold);
        }
        return count;
    }

    private static int countRow(double vj, double[] w, int off, int m, double threshold) {
        int count = 0;
        int t = 0;
        for (; t + DL <= m; t += DL) {
            count += DoubleVector.fromArray(D, w, off + t).mul(vj).abs().compare(VectorOperators.GT, threshold).trueCount();
        }
        for (; t < m; t++) {
            if (Math.abs(vj * w[off + t]) > threshold) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void products(double[] v, double[] w, int k, int m, double[] out) {
        if (m == 1) {
            int j = 0;
            for (; j + DL <= k; j += DL) {
                DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).intoArray(out, j);
            }
            for (; j < k; j++) {
                out[j] = v[j] * w[j];
            }
            return;
        }
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int off = j * m;
            int t = 0;
            for (; t + DL <= m; t += DL) {
                DoubleVector.fromArray(D, w, off + t).mul(vj).intoArray(out, off + t);
            }
            for (; t < m; t++) {
                out[off + t] = vj * w[off + t];
            }
        }
    }

    /** The reference's, for reproducibility ({@link StepKernels#proxStep} says why). */
    @Override
    public void proxStep(double[] v, double[] w, double[] b, int k, int m, double[] qPrev, double lambdaLr, double p) {
        ScalarSteps.INSTANCE.proxStep(v, w, b, k, m, qPrev, lambdaLr, p);
    }

    @Override
    public void adam(double[] param, double[] grad, double[] m1, double[] m2, int n, AdamStep step) {
        step.requireStep();
        double beta1 = step.beta1;
        double beta2 = step.beta2;
        double eps = step.eps;
        double weightDecay = step.weightDecay;
        double stepSize = step.stepSize;
        double correction2 = step.correction2;
        double decay = 1 - step.lr * weightDecay;
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        int i = 0;
        for (; i + DL <= n; i += DL) {
            DoubleVector g = DoubleVector.fromArray(D, grad, i);
            DoubleVector p = DoubleVector.fromArray(D, param, i);
            if (weightDecay > 0) {
                p = p.mul(decay);
            }
            DoubleVector a = DoubleVector.fromArray(D, m1, i).mul(beta1).add(g.mul(oneMinusBeta1));
            a = a.blend(0.0, a.abs().compare(VectorOperators.LT, Double.MIN_NORMAL));
            DoubleVector s = DoubleVector.fromArray(D, m2, i).mul(beta2).add(g.mul(g).mul(oneMinusBeta2));
            s = s.blend(0.0, s.compare(VectorOperators.LT, Double.MIN_NORMAL));
            a.intoArray(m1, i);
            s.intoArray(m2, i);
            DoubleVector denom = s.sqrt().div(correction2).add(eps);
            p.sub(a.div(denom).mul(stepSize)).intoArray(param, i);
        }
        AdamMath.update(param, grad, m1, m2, i, n, step);
    }
}
