package dev.sparsest.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Rows split for validation, reproducibly: a seeded Fisher-Yates shuffle of 0..n-1, then every
 * k-th row of it for fold k (each fold's rows ascending); and the mean and standard error of
 * per-fold errors. Shared by the d-D lambda selection and the 1-D knot-count cross-validation, so
 * one seed means one split everywhere.
 */
public final class Folds {
    private Folds() {
    }

    /** 0..n-1 in a seeded random order. */
    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The held-out rows of each of k folds (sizes differ by at most one). */
    public static int[][] kFold(int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException(k + " folds of " + n + " rows: between 2 and the row count");
        }
        int[] order = shuffled(n, seed);
        int[][] parts = new int[k][];
        for (int f = 0; f < k; f++) {
            parts[f] = new int[(n - f + k - 1) / k];
            for (int i = f, c = 0; i < n; i += k) {
                parts[f][c++] = order[i];
            }
            Arrays.sort(parts[f]);
        }
        return parts;
    }

    /** The mean of per-fold errors. */
    public static double mean(double[] perFold) {
        double s = 0;
        for (double e : perFold) {
            s += e;
        }
        return s / perFold.length;
    }

    /** The standard error of their mean: sample standard deviation over sqrt(count); 0 for one value. */
    public static double standardError(double[] perFold) {
        if (perFold.length < 2) {
            return 0;
        }
        double m = mean(perFold);
        double s = 0;
        for (double e : perFold) {
            s += (e - m) * (e - m);
        }
        return Math.sqrt(s / (perFold.length - 1) / perFold.length);
    }
}
