package dev.sparsest.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dev.sparsest.kernel.VectorLanes.D;
import static dev.sparsest.kernel.VectorLanes.DL;
import static dev.sparsest.kernel.VectorLanes.sum;

/** Element-wise kernels on vectors: path norms, counts, products, the proximal step and Adam. */
final class VectorSteps {
    private VectorSteps() {
    }

    // ---------------------------------------------------------------- norms and counts

    static double pathNorm(double[] v, double[] w, int k, int m, double p) {
        PowMath.checkExponent(p);
        if (m == 1) {
            return powSum(v, w, k, p);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += powSumRow(v[j], w, j * m, m, p);
        }
        return sum;
    }

    /** sum_j |v_j w_j|^p over j &lt; k: the 1-D path norm, vectorized across neurons. */
    private static double powSum(double[] v, double[] w, int k, double p) {
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = acc0;
        int j = 0;
        for (; j + 2 * DL <= k; j += 2 * DL) {
            DoubleVector q0 = DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).abs();
            DoubleVector q1 = DoubleVector.fromArray(D, v, j + DL).mul(DoubleVector.fromArray(D, w, j + DL)).abs();
            acc0 = acc0.add(pow(q0, p));
            acc1 = acc1.add(pow(q1, p));
        }
        for (; j + DL <= k; j += DL) {
            acc0 = acc0.add(pow(DoubleVector.fromArray(D, v, j).mul(DoubleVector.fromArray(D, w, j)).abs(), p));
        }
        double sum = sum(acc0.add(acc1));
        for (; j < k; j++) {
            double q = Math.abs(v[j] * w[j]);
            sum += p == 1 ? q : PowMath.pow(q, p);
        }
        return sum;
    }

    /** sum_t |vj w[off + t]|^p over one neuron's row. */
    private static double powSumRow(double vj, double[] w, int off, int m, double p) {
        DoubleVector acc = DoubleVector.zero(D);
        int t = 0;
        for (; t + DL <= m; t += DL) {
            acc = acc.add(pow(DoubleVector.fromArray(D, w, off + t).mul(vj).abs(), p));
        }
        double sum = sum(acc);
        for (; t < m; t++) {
            double q = Math.abs(vj * w[off + t]);
            sum += p == 1 ? q : PowMath.pow(q, p);
        }
        return sum;
    }

    /** q^p = exp(p log q) for q &gt;= 0 (vector POW is not intrinsified below 512 bits); exact for p = 1. */
    private static DoubleVector pow(DoubleVector q, double p) {
        return p == 1 ? q : q.lanewise(VectorOperators.LOG).mul(p).lanewise(VectorOperators.EXP);
    }

    static int countNonzero(double[] v, double[] w, int k, int m, double threshold) {
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

    static int countActiveNeurons(double[] v, double[] w, int k, int m, double threshold) {
        if (m == 1) {
            return countNonzero(v, w, k, 1, threshold);
        }
        int count = 0;
        for (int j = 0; j < k; j++) {
            if (countRow(v[j], w, j * m, m, threshold) > 0) {
                count++;
            }
        }
        return count;
    }

    static void products(double[] v, double[] w, int k, int m, double[] out) {
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

    // ---------------------------------------------------------------- optimizer steps

    static void proxStep(double[] v, double[] w, double[] b, int k, int m, double[] qPrev, double lambdaLr, double p) {
        PowMath.checkExponent(p);
        double lp = lambdaLr * p;
        if (m == 1) {
            proxStep1d(v, w, b, k, qPrev, lp, p);
            return;
        }
        for (int j = 0; j < k; j++) {
            double vj = v[j];
            int row = j * m;
            DoubleVector acc = DoubleVector.zero(D);
            int t = 0;
            for (; t + DL <= m; t += DL) {
                DoubleVector u = softThreshold(DoubleVector.fromArray(D, w, row + t).mul(vj),
                        threshold(DoubleVector.fromArray(D, qPrev, row + t), lp, p));
                u.intoArray(w, row + t);
                acc = acc.add(u.mul(u));
            }
            double norm2 = sum(acc);
            for (; t < m; t++) {
                double u = PowMath.softThreshold(vj * w[row + t], PowMath.threshold(qPrev[row + t], lp, p));
                w[row + t] = u;
                norm2 += u * u;
            }
            double vAbs = Math.sqrt(Math.sqrt(norm2));
            if (vAbs == 0) {
                v[j] = 0;
                java.util.Arrays.fill(w, row, row + m, 0.0);
                continue;
            }
            double vNew = Math.copySign(vAbs, vj);
            t = 0;
            for (; t + DL <= m; t += DL) {
                DoubleVector.fromArray(D, w, row + t).div(vNew).intoArray(w, row + t);
            }
            for (; t < m; t++) {
                w[row + t] = w[row + t] / vNew;
            }
            v[j] = vNew;
        }
    }

    /** One product per neuron: vectorized across neurons; b is scaled with w (knots stay put). */
    private static void proxStep1d(double[] v, double[] w, double[] b, int k, double[] qPrev, double lp, double p) {
        int j = 0;
        for (; j + DL <= k; j += DL) {
            DoubleVector vj = DoubleVector.fromArray(D, v, j);
            DoubleVector wOld = DoubleVector.fromArray(D, w, j);
            DoubleVector u = softThreshold(vj.mul(wOld), threshold(DoubleVector.fromArray(D, qPrev, j), lp, p));
            DoubleVector vAbs = u.abs().sqrt();
            VectorMask<Double> dead = vAbs.compare(VectorOperators.EQ, 0.0);
            DoubleVector vNew = vAbs.blend(vAbs.neg(), vj.compare(VectorOperators.LT, 0.0));
            DoubleVector wNew = u.div(vNew);
            vNew.blend(0.0, dead).intoArray(v, j);
            wNew.blend(0.0, dead).intoArray(w, j);
            if (b != null) {
                DoubleVector.fromArray(D, b, j).mul(wNew.div(wOld)).blend(0.0, dead).intoArray(b, j);
            }
        }
        for (; j < k; j++) {
            double vj = v[j];
            double wOld = w[j];
            double u = PowMath.softThreshold(vj * wOld, PowMath.threshold(qPrev[j], lp, p));
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
            w[j] = u / vNew;
            v[j] = vNew;
            if (b != null) {
                b[j] = b[j] * (w[j] / wOld);
            }
        }
    }

    /** lp |qPrev|^(p-1), lanewise as {@link PowMath#threshold}. */
    private static DoubleVector threshold(DoubleVector qPrev, double lp, double p) {
        if (p == 1) {
            return DoubleVector.broadcast(D, lp);
        }
        DoubleVector t = qPrev.abs().lanewise(VectorOperators.LOG).mul(p - 1).lanewise(VectorOperators.EXP).mul(lp);
        // a zero product stays zero, also when lp = 0 (0 * Inf would be NaN): as PowMath.threshold
        return t.blend(DoubleVector.broadcast(D, Double.POSITIVE_INFINITY), qPrev.compare(VectorOperators.EQ, 0.0));
    }

    /** sign(q) max(|q| - t, 0), NaN kept, lanewise as {@link PowMath#softThreshold}. */
    private static DoubleVector softThreshold(DoubleVector q, DoubleVector t) {
        DoubleVector d = q.abs().sub(t);
        DoubleVector signed = d.blend(d.neg(), q.compare(VectorOperators.LT, 0.0));
        return signed.blend(0.0, d.compare(VectorOperators.LE, 0.0));
    }

    static void adam(double[] param, double[] grad, double[] m1, double[] m2, int n,
                     double lr, double beta1, double beta2, double eps, double weightDecay, int step) {
        AdamMath co = new AdamMath(lr, beta1, beta2, weightDecay, step);
        int i = 0;
        for (; i + DL <= n; i += DL) {
            DoubleVector g = DoubleVector.fromArray(D, grad, i);
            DoubleVector p = DoubleVector.fromArray(D, param, i);
            if (weightDecay > 0) {
                p = p.mul(co.decay);
            }
            DoubleVector a = DoubleVector.fromArray(D, m1, i).mul(beta1).add(g.mul(co.oneMinusBeta1));
            a = a.blend(0.0, a.abs().compare(VectorOperators.LT, Double.MIN_NORMAL));
            DoubleVector s = DoubleVector.fromArray(D, m2, i).mul(beta2).add(g.mul(g).mul(co.oneMinusBeta2));
            s = s.blend(0.0, s.compare(VectorOperators.LT, Double.MIN_NORMAL));
            a.intoArray(m1, i);
            s.intoArray(m2, i);
            DoubleVector denom = s.sqrt().div(co.bc2Sqrt).add(eps);
            p.sub(a.div(denom).mul(co.stepSize)).intoArray(param, i);
        }
        for (; i < n; i++) {
            double g = grad[i];
            double p = weightDecay > 0 ? param[i] * co.decay : param[i];
            double a = AdamMath.flush(m1[i] * beta1 + g * co.oneMinusBeta1);
            double s = AdamMath.flush(m2[i] * beta2 + (g * g) * co.oneMinusBeta2);
            m1[i] = a;
            m2[i] = s;
            double denom = Math.sqrt(s) / co.bc2Sqrt + eps;
            param[i] = p - co.stepSize * (a / denom);
        }
    }
}
