package dev.sparsest.prop;

import java.util.SplittableRandom;

/**
 * Generators of univariate data with strictly increasing x, in several flavours that stress
 * different parts of the solver: integers, decimals, tiny and huge scales, clustered x,
 * many collinear runs, and convex or concave stretches (long curvature runs, where p* lives).
 */
public final class PointsGen {
    private PointsGen() {
    }

    /** Any flavour, n uniform in [minN, maxN]. */
    public static Gen<Points> any(int minN, int maxN) {
        return r -> {
            int n = minN + r.nextInt(maxN - minN + 1);
            switch (r.nextInt(7)) {
                case 0: return integers(r, n);
                case 1: return decimals(r, n);
                case 2: return scaled(r, n);
                case 3: return clustered(r, n);
                case 4: return collinearRuns(r, n);
                case 5: return curvedRuns(r, n);
                default: return decimals(r, n);
            }
        };
    }

    /** Every flavour on its own, by name, n uniform in [minN, maxN] (for properties that must hold for each). */
    public static java.util.Map<String, Gen<Points>> flavours(int minN, int maxN) {
        java.util.Map<String, Gen<Points>> m = new java.util.LinkedHashMap<>();
        m.put("integers", r -> integers(r, size(r, minN, maxN)));
        m.put("decimals", r -> decimals(r, size(r, minN, maxN)));
        m.put("scaled", r -> scaled(r, size(r, minN, maxN)));
        m.put("clustered", r -> clustered(r, size(r, minN, maxN)));
        m.put("collinearRuns", r -> collinearRuns(r, size(r, minN, maxN)));
        m.put("curvedRuns", r -> curvedRuns(r, size(r, minN, maxN)));
        return m;
    }

    private static int size(SplittableRandom r, int minN, int maxN) {
        return minN + r.nextInt(maxN - minN + 1);
    }

    /** Only long same-curvature stretches: data whose p* is often below 1. */
    public static Gen<Points> curved(int minN, int maxN) {
        return r -> curvedRuns(r, minN + r.nextInt(maxN - minN + 1));
    }

    /** Small integers on integer x: exact slopes, exact collinearity, many ties. */
    public static Gen<Points> integerGrid(int minN, int maxN) {
        return r -> integers(r, minN + r.nextInt(maxN - minN + 1));
    }

    static Points integers(SplittableRandom r, int n) {
        double[] x = increasing(r, n, () -> 1 + r.nextInt(3));
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(7) - 3;
        }
        return new Points(x, y);
    }

    static Points decimals(SplittableRandom r, int n) {
        double[] x = increasing(r, n, () -> round(0.05 + 2 * r.nextDouble(), 3));
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = round(10 * r.nextDouble() - 5, 4);
        }
        return new Points(x, y);
    }

    /** Decimal data scaled by 10^k in x and y independently, k in [-12, 12], x shifted far off 0. */
    static Points scaled(SplittableRandom r, int n) {
        Points p = decimals(r, n);
        double sx = Math.pow(10, r.nextInt(25) - 12);
        double sy = Math.pow(10, r.nextInt(25) - 12);
        double shift = r.nextBoolean() ? 0 : (r.nextDouble() - 0.5) * 1e3;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (p.x()[i] + shift) * sx;
            y[i] = p.y()[i] * sy;
        }
        return new Points(strictlyIncreasing(x), y);
    }

    /** Groups of x very close together, far from each other. */
    static Points clustered(SplittableRandom r, int n) {
        double[] x = new double[n];
        double pos = 0;
        for (int i = 0; i < n; i++) {
            pos += r.nextInt(4) == 0 ? 1 + 5 * r.nextDouble() : 1e-4 * (1 + r.nextDouble());
            x[i] = pos;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(x[i]) + 0.1 * r.nextDouble();
        }
        return new Points(strictlyIncreasing(x), y);
    }

    /** Piecewise-linear data with several exactly or nearly collinear points per piece. */
    static Points collinearRuns(SplittableRandom r, int n) {
        double[] x = increasing(r, n, () -> 1 + r.nextInt(3));
        double[] y = new double[n];
        double slope = r.nextInt(5) - 2;
        y[0] = r.nextInt(5);
        for (int i = 1; i < n; i++) {
            if (r.nextInt(3) == 0) {
                slope = r.nextInt(7) - 3 + (r.nextBoolean() ? 0 : 0.25 * r.nextInt(4));
            }
            y[i] = y[i - 1] + slope * (x[i] - x[i - 1]);
        }
        return new Points(x, y);
    }

    /** Samples of smooth convex and concave stretches with small noise-free wiggles. */
    static Points curvedRuns(SplittableRandom r, int n) {
        double[] x = increasing(r, n, () -> round(0.2 + r.nextDouble(), 3));
        double[] y = new double[n];
        double slope = r.nextDouble() * 2 - 1;
        double curvatureSign = r.nextBoolean() ? 1 : -1;
        y[0] = r.nextDouble();
        for (int i = 1; i < n; i++) {
            if (r.nextInt(8) == 0) {
                curvatureSign = -curvatureSign;
            }
            // slope changes spanning several orders of magnitude make p* interesting
            double change = curvatureSign * Math.pow(10, -3 * r.nextDouble()) * (0.2 + r.nextDouble());
            slope += change;
            y[i] = round(y[i - 1] + slope * (x[i] - x[i - 1]), 9);
        }
        return new Points(x, y);
    }

    private static double[] increasing(SplittableRandom r, int n, java.util.function.DoubleSupplier step) {
        double[] x = new double[n];
        double pos = Math.round((r.nextDouble() * 10 - 5) * 100) / 100.0;
        for (int i = 0; i < n; i++) {
            x[i] = pos;
            pos = round(pos + step.getAsDouble(), 6);
        }
        return x;
    }

    private static double[] strictlyIncreasing(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                x[i] = Math.nextUp(x[i - 1]);
            }
        }
        return x;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
