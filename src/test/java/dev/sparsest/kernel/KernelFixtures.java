package dev.sparsest.kernel;

import org.junit.jupiter.api.Assumptions;

import java.util.SplittableRandom;

/** Shared inputs and comparisons for the kernel tests. */
final class KernelFixtures {
    /** The awkward lengths: around every lane count from 2 to 16 and a large power of two. */
    static final int[] LENGTHS = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 63, 65, 1023, 1025};
    static final double EPS = Math.ulp(1.0);
    static final double EPS_F = Math.ulp(1.0f);

    private KernelFixtures() {
    }

    /** The vector implementation, or the test is skipped (the scalar-only surefire run). */
    static Kernels vectorOrSkip() {
        Assumptions.assumeTrue(KernelProvider.vectorModulePresent(), "jdk.incubator.vector not enabled in this run");
        return KernelProvider.vector();
    }

    /** The vector implementation where the module is enabled, else the reference again. */
    static Kernels vectorOrScalar() {
        return KernelProvider.vectorModulePresent() ? KernelProvider.vector() : KernelProvider.scalar();
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + (hi - lo) * r.nextDouble();
        }
        return a;
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /**
     * Asserts |actual - expected| &lt;= tol (with NaN matching NaN and infinities matching exactly),
     * naming the quantity and index.
     */
    static void near(String what, double expected, double actual, double tol) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            if (!(Double.isNaN(expected) && Double.isNaN(actual)) && expected != actual) {
                throw new AssertionError(what + ": expected " + expected + " but was " + actual);
            }
            return;
        }
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual
                    + " (difference " + Math.abs(actual - expected) + " > tolerance " + tol + ")");
        }
    }

    static void bitEqual(String what, double[] expected, double[] actual, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                throw new AssertionError(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i] + " (bit-exact)");
            }
        }
    }
}
