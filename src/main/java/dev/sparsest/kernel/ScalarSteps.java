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
        PowMath.checkExponent(p);
        double lp = lambdaLr * p;
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int row = j * m;
            double wOld = w[row];
            double norm2 = 0;
            for (int t = 0; t < m; t++) {
                double u = PowMath.softThreshold(vj * w[row + t], PowMath.threshold(qPrev[row + t], lp, p));
                w[row + t] = u; // the new product, until the neuron's norm is known
                norm2 += u * u;
            }
            // |v| = sqrt(||u||); with one product that is sqrt(|u|), computed without squaring
            double vAbs = m == 1 ? Math.sqrt(Math.abs(w[row])) : Math.sqrt(Math.sqrt(norm2));
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

    @Override
    public void adam(double[] param, double[] grad, double[] m1, double[] m2, int n,
                     double lr, double beta1, double beta2, double eps, double weightDecay, int step) {
        double stepSize = AdamMath.stepSize(lr, beta1, step);
        AdamMath.update(param, grad, m1, m2, 0, n, lr, beta1, beta2, eps, weightDecay, stepSize,
                AdamMath.secondCorrection(beta2, step));
    }
}
