package dev.sparsest.kernel;

/** The reference step kernels: counts, products, the proximal step and Adam. */
final class ScalarSteps implements StepKernels {
    static final ScalarSteps INSTANCE = new ScalarSteps();

    private ScalarSteps() {
    }

    @Override
    public int countNonzero(double[] v, double[] w, int k, int m, double threshold) {
        int count = 0;
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < m; t++) {
                if (Math.abs(v[j] * w[j * m + t]) > threshold) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public void products(double[] v, double[] w, int k, int m, double[] out) {
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < m; t++) {
                out[j * m + t] = v[j] * w[j * m + t];
            }
        }
    }

    @Override
    public void proxStep(double[] v, double[] w, double[] b, int k, int m, double[] qPrev, double lambdaLr, double p) {
        ProxMath.checkExponent(p);
        double lp = lambdaLr * p;
        if (m == 1) {
            proxStep1d(v, w, b, k, qPrev, lp, p);
            return;
        }
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int row = j * m;
            double wOld = w[row];
            double norm2 = 0;
            for (int t = 0; t < m; t++) {
                double u = ProxMath.softThreshold(vj * w[row + t], ProxMath.threshold(qPrev[row + t], lp, p));
                w[row + t] = u; // the new product, until the neuron's norm is known
                norm2 += u * u;
            }
            double vAbs = Math.sqrt(Math.sqrt(norm2)); // |v| = sqrt(||u||)
            if (vAbs == 0) {
                v[j] = 0;
                for (int t = 0; t < m; t++) {
                    w[row + t] = 0;
                }
                if (b != null) {
                    b[j] = 0;
                }
                continue;
            }
            double vNew = Math.copySign(vAbs, vj);
            for (int t = 0; t < m; t++) {
                w[row + t] = w[row + t] / vNew;
            }
            v[j] = vNew;
            if (b != null) {
                b[j] = b[j] * (w[row] / wOld); // the knot -b/w stays put
            }
        }
    }

    /**
     * One product per neuron (1-D): |v| = sqrt|u| without squaring u (u^2 would underflow below
     * 1e-162 and overflow above 1e154, where the loop above, for m &gt; 1, takes sqrt(sqrt(u^2))).
     * The m = 1 case as this step always computed it, without the inner loops, which showed in
     * profiles of small networks (the trainer calls it every epoch).
     */
    private static void proxStep1d(double[] v, double[] w, double[] b, int k, double[] qPrev, double lp, double p) {
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            double wOld = w[j];
            double u = ProxMath.softThreshold(vj * wOld, ProxMath.threshold(qPrev[j], lp, p));
            double vAbs = Math.sqrt(Math.abs(u));
            if (vAbs == 0) {
                v[j] = 0;
                w[j] = 0;
                if (b != null) {
                    b[j] = 0;
                }
                continue;
            }
            double vNew = Math.copySign(vAbs, vj);
            double wNew = u / vNew;
            w[j] = wNew;
            v[j] = vNew;
            if (b != null) {
                b[j] = b[j] * (wNew / wOld); // the knot -b/w stays put
            }
        }
    }

    @Override
    public void adam(double[] param, double[] grad, double[] m1, double[] m2, int n, AdamStep step) {
        step.requireStep();
        AdamMath.update(param, grad, m1, m2, 0, n, step);
    }
}
