package dev.sparsest.noisy;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NoisyData;
import dev.sparsest.data.UnivariateRange;

/**
 * The affine change of units the solvers work in: x to [0, 1], y centred and scaled to max 1.
 * Both problems are equivariant under it (a penalty lambda becomes lambda / (xSpan * yScale)),
 * so the solvers see the same numbers whatever the data's units.
 */
final class UnivariateScaling {
    final double x0;
    final double xSpan;
    final double y0;
    final double yUnit;

    /**
     * Refuses data the scaled problem cannot represent: values within a factor 8 of the largest
     * double (differences overflow, as in the chord path) and x too close together for the
     * scaled x to differ (found by fuzzing: NaN slopes, infinite lambda_max); and, on the means,
     * what every univariate entry point refuses ({@link UnivariateRange}).
     */
    UnivariateScaling(NoisyData d) {
        int n = d.size();
        UnivariateRange.require(d.xs(), d.means());
        for (int i = 0; i < n; i++) {
            double big = Math.max(Math.abs(d.x(i)), Math.max(Math.abs(d.lower(i)), Math.abs(d.upper(i))));
            if (big > UnivariateRange.MAX_MAGNITUDE) {
                throw new InvalidDataException("the point at x = " + d.x(i) + " (y = " + d.mean(i)
                        + ") is within a factor 8 of the largest double: differences overflow; rescale the data");
            }
        }
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
        yUnit = m > 0 ? m : y0 != 0 ? Math.abs(y0) : 1;
        for (int i = 1; i < n; i++) {
            if (!(x(d.x(i)) > x(d.x(i - 1)))) {
                throw new InvalidDataException("x = " + d.x(i - 1) + " and x = " + d.x(i)
                        + " are too close together for doubles at this range of x; rescale x");
            }
            // a fit's slope can reach the y range over the least gap (found by fuzzing: an infinite slope)
            if (!(8 * yUnit / (d.x(i) - d.x(i - 1)) <= UnivariateRange.MAX_MAGNITUDE)) {
                throw new InvalidDataException("slopes between x = " + d.x(i - 1) + " and x = " + d.x(i)
                        + " can overflow a double at this y range (" + yUnit + "); rescale the data");
            }
        }
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

    /**
     * Refuses data whose unit of lambda (x span times y range) is not a normal double (found by
     * fuzzing: two points at 1e-216 made it 0, lambda NaN and the path endless).
     */
    void requireLambdaUnit() {
        double unit = xSpan * yUnit;
        if (!(unit >= Double.MIN_NORMAL) || Double.isInfinite(unit)) {
            throw new InvalidDataException("the unit of lambda (x span " + xSpan + " times y range " + yUnit
                    + ") is outside the range of doubles; rescale the data");
        }
    }

    /** lambda in scaled units from lambda in the data's units. */
    double lambda(double original) {
        return original / (xSpan * yUnit);
    }

    double lambdaBack(double scaled) {
        return scaled * xSpan * yUnit;
    }
}
