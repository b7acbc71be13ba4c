package dev.sparsest.bench;

import java.util.SplittableRandom;

/** Benchmark inputs. */
public final class Data {
    private Data() {
    }

    public static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + (hi - lo) * r.nextDouble();
        }
        return a;
    }

    public static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    public static double[] sorted(SplittableRandom r, int n, double lo, double hi) {
        double[] a = uniform(r, n, lo, hi);
        java.util.Arrays.sort(a);
        return a;
    }
}
