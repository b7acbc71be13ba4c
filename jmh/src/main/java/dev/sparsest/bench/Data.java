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

    /**
     * A series for the exact 1-D solvers at {@code x[at..at+n)}, {@code y} alike: x increasing with
     * random gaps, y a random walk with flat stretches and straight runs (so every kind of
     * curvature run appears).
     */
    public static void walk(SplittableRandom r, double[] x, double[] y, int at, int n) {
        double pos = 0;
        double level = 0;
        double slope = 0;
        for (int i = at; i < at + n; i++) {
            pos += 0.5 + r.nextDouble();
            int kind = r.nextInt(10);
            if (kind < 4) {
                slope = r.nextDouble() * 2 - 1; // a new straight stretch
            } else if (kind < 5) {
                slope = 0;
            }
            level += slope * (0.5 + r.nextDouble()) + (kind >= 8 ? r.nextDouble() - 0.5 : 0);
            x[i] = pos;
            y[i] = level;
        }
    }
}
