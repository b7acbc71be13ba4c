package dev.sparsest.noisy;

import dev.sparsest.data.NoisyData;

/**
 * The affine change of units the solvers work in: x to [0, 1], y centred and scaled to max 1.
 * Both problems are equivariant under it (a penalty lambda becomes lambda / (xSpan * yScale)),
 * so the solvers see the same numbers whatever the data's units.
 */
final class Scaling1D {
    final double x0;
    final double xSpan;
    final double y0;
    final double yUnit;

    Scaling1D(NoisyData d) {
        int n = d.size();
        x0 = d.x(0);
        xSpan = d.x(n - 1) - d.x(0);
        double sum = 0;
        double count = 0;
        for (int i = 0; i < n; i++) {
            sum += d.mean(i) * d.weight(i);
            count += d.weight(i);
        }
        y0 = sum / count;
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.max(Math.abs(d.mean(i) - y0), Math.max(Math.abs(d.lower(i) - y0), Math.abs(d.upper(i) - y0))));
        }
        // constant data: the value's own size (rounding relative to it), 1 for all zeros
        yUnit = m > 0 && Double.isFinite(m) ? m : y0 != 0 && Double.isFinite(y0) ? Math.abs(y0) : 1;
    }

    double x(double original) {
        return (original - x0) / xSpan;
    }

    double y(double original) {
        return (original - y0) / yUnit;
    }

    double xBack(double scaled) {
        return x0 + scaled * xSpan;
    }

    double yBack(double scaled) {
        return y0 + scaled * yUnit;
    }

    /** lambda in scaled units from lambda in the data's units. */
    double lambda(double original) {
        return original / (xSpan * yUnit);
    }

    double lambdaBack(double scaled) {
        return scaled * xSpan * yUnit;
    }
}
