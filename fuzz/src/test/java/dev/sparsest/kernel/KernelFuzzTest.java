package dev.sparsest.kernel;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Vector kernels against the scalar reference on arbitrary arrays, long enough to reach the vector
 * body (up to 200 points and 40 neurons, so several lanes at every width). Run by surefire at the
 * preferred width and again at -XX:MaxVectorSize=16. Values within 1e40 in magnitude so nothing
 * overflows (squared residuals stay below 1e300); a NaN or infinity may be planted in any input,
 * and then both sides must give NaN (the documented semantics). Tolerance: sums are reordered and
 * relu may be rewritten as (t + |t|) / 2, so each output may differ by 4 (K + 2) ulps of
 * |a x| + |c| + sum over all neurons of |v| (|w x| + |b|), bounds computed here term by term
 * (gradients also carry the residuals' own error). The first version bounded by the active
 * neurons only; the fuzzer found the cancellation at once (Kernels, "Sums").
 */
class KernelFuzzTest {
    private static final double EPS = Math.ulp(1.0);
    private static final double MAG = 1e40;

    @FuzzTest
    void univariateKernelsMatchTheReference(FuzzedDataProvider data) {
        if (!KernelProvider.vectorModulePresent()) {
            return; // the surefire run without the vector module: nothing to compare (Jazzer reports assumptions as errors)
        }
        Kernels vec = KernelProvider.vector();
        Kernels ref = KernelProvider.scalar();
        int n = data.consumeInt(0, 200);
        int k = data.consumeInt(1, 40);
        double[] x = values(data, n), y = values(data, n);
        double[] w = values(data, k), b = values(data, k), v = values(data, k);
        double a = data.consumeRegularDouble(-MAG, MAG);
        double c = data.consumeRegularDouble(-MAG, MAG);
        plant(data, x, y, w, b, v);

        double[] fRef = new double[n], fVec = new double[n];
        ref.loss1d().forward(x, n, w, b, v, k, a, c, fRef);
        vec.loss1d().forward(x, n, w, b, v, k, a, c, fVec);
        double[] bound = new double[n];
        for (int i = 0; i < n; i++) {
            // below 512 bits relu(t) = (t + |t|) / 2: inactive neurons count too (Kernels, "Sums")
            double s = Math.abs(a * x[i]) + Math.abs(c);
            for (int j = 0; j < k; j++) {
                s += Math.abs(v[j]) * (Math.abs(w[j] * x[i]) + Math.abs(b[j]));
            }
            bound[i] = 4 * (k + 2) * EPS * s + Double.MIN_NORMAL;
            near("forward1d[" + i + "]", fRef[i], fVec[i], bound[i]);
        }

        double[][] gRef = grads(k), gVec = grads(k);
        double lRef = ref.loss1d().lossGrad(x, y, n, w, b, v, k, a, c, gRef[0], gRef[1], gRef[2], gRef[3], new double[Loss1dKernels.work(n)]);
        double lVec = vec.loss1d().lossGrad(x, y, n, w, b, v, k, a, c, gVec[0], gVec[1], gVec[2], gVec[3], new double[Loss1dKernels.work(n)]);
        if (n == 0) {
            return;
        }
        double lossBound = 0;
        double[][] gBound = grads(k);
        for (int i = 0; i < n; i++) {
            double r = Math.abs(fRef[i] - y[i]);
            double dr = bound[i] + 4 * EPS * (Math.abs(fRef[i]) + Math.abs(y[i]));
            lossBound += (2 * r * dr + dr * dr + 4 * n * EPS * r * r) / n;
            for (int j = 0; j < k; j++) {
                double z = Math.fma(w[j], x[i], b[j]);
                if (z > 0) {
                    double scale = 2.0 / n * (dr + 4 * n * EPS * r);
                    gBound[0][j] += scale * Math.abs(v[j] * x[i]);
                    gBound[1][j] += scale * Math.abs(v[j]);
                    gBound[2][j] += scale * z;
                }
            }
            double scale = 2.0 / n * (dr + 4 * n * EPS * r);
            gBound[3][0] += scale * Math.abs(x[i]);
            gBound[3][1] += scale;
        }
        near("loss", lRef, lVec, lossBound + Double.MIN_NORMAL);
        String[] names = {"gw", "gb", "gv", "gSkip"};
        for (int g = 0; g < 4; g++) {
            for (int j = 0; j < gRef[g].length; j++) {
                near(names[g] + "[" + j + "]", gRef[g][j], gVec[g][j], gBound[g][j] + Double.MIN_NORMAL);
            }
        }
    }

    @FuzzTest
    void countsAndStepsMatchTheReference(FuzzedDataProvider data) {
        if (!KernelProvider.vectorModulePresent()) {
            return; // the surefire run without the vector module: nothing to compare (Jazzer reports assumptions as errors)
        }
        Kernels vec = KernelProvider.vector();
        Kernels ref = KernelProvider.scalar();
        int k = data.consumeInt(1, 60);
        int m = data.consumeInt(1, 5);
        double[] v = values(data, k), w = values(data, k * m);
        plant(data, v, w);
        double threshold = Math.abs(data.consumeRegularDouble(0, 1e3));
        assertEquals(ref.steps().countNonzero(v, w, k, m, threshold), vec.steps().countNonzero(v, w, k, m, threshold), "countNonzero");
        double[] qRef = new double[k * m], qVec = new double[k * m];
        ref.steps().products(v, w, k, m, qRef);
        vec.steps().products(v, w, k, m, qVec);
        bitEqual("products", qRef, qVec);

        int len = data.consumeInt(0, 100);
        double[] param = values(data, len), grad = values(data, len);
        double[] m1 = values(data, len), m2 = new double[len];
        for (int i = 0; i < len; i++) {
            m2[i] = Math.abs(data.consumeRegularDouble(0, MAG));
        }
        double[] p1 = param.clone(), g1 = grad.clone(), a1 = m1.clone(), b1 = m2.clone();
        double lr = data.consumeRegularDouble(1e-6, 1);
        double decay = data.consumeBoolean() ? 0 : data.consumeRegularDouble(0, 1);
        int step = data.consumeInt(1, 1_000_000);
        AdamStep adam = new AdamStep(lr, 0.9, 0.999, 1e-8, decay).at(step);
        ref.steps().adam(param, grad, m1, m2, len, adam);
        vec.steps().adam(p1, g1, a1, b1, len, adam);
        bitEqual("adam param", param, p1);
        bitEqual("adam m1", m1, a1);
        bitEqual("adam m2", m2, b1);
    }

    private static double[] values(FuzzedDataProvider data, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = data.consumeRegularDouble(-MAG, MAG);
        }
        return a;
    }

    /** Maybe puts a NaN or an infinity into one of the arrays. */
    private static void plant(FuzzedDataProvider data, double[]... arrays) {
        if (!data.consumeBoolean()) {
            return;
        }
        double[] target = arrays[data.consumeInt(0, arrays.length - 1)];
        if (target.length == 0) {
            return;
        }
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        target[data.consumeInt(0, target.length - 1)] = specials[data.consumeInt(0, 2)];
    }

    private static double[][] grads(int k) {
        return new double[][] {new double[k], new double[k], new double[k], new double[2]};
    }

    private static void near(String what, double expected, double actual, double tol) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            if (!(Double.isNaN(expected) && Double.isNaN(actual)) && expected != actual) {
                throw new AssertionError(what + ": expected " + expected + " but was " + actual);
            }
            return;
        }
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (tolerance " + tol + ")");
        }
    }

    private static void bitEqual(String what, double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                throw new AssertionError(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
