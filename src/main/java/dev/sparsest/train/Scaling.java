package dev.sparsest.train;

/** t = (x - center) / scale: data mapped to [-1, 1] by its centre and largest deviation. */
final class Scaling {
    static final Scaling IDENTITY = new Scaling(0, 1);

    final double center;
    final double scale;

    private Scaling(double center, double scale) {
        this.center = center;
        this.scale = scale;
    }

    /** Centre at the midrange, scale by the half-range (1 for constant data). */
    static Scaling of(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double center = 0.5 * lo + 0.5 * hi;
        double half = 0.5 * hi - 0.5 * lo;
        return new Scaling(center, half > 0 && Double.isFinite(half) ? half : 1);
    }

    double[] apply(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - center) / scale;
        }
        return out;
    }
}
