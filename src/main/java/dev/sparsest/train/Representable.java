package dev.sparsest.train;

import dev.sparsest.data.InvalidDataException;

import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * Post-processing turns the trained neurons into the knot form, refits and compares with the
 * exact optimum; on data far from the origin or of extreme magnitude a finite trained network can
 * still overflow a double there (a knot at -b/w beyond 1e308, found by fuzzing the trainer). That
 * is reported as bad data, with the way out, instead of an unexplained IllegalArgumentException
 * or a network that returns infinities at the data it was trained on.
 */
final class Representable {
    private Representable() {
    }

    static <T> T check(Supplier<T> postProcessing) {
        try {
            return postProcessing.get();
        } catch (InvalidDataException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("the trained network cannot be represented in doubles (" + e.getMessage()
                    + "): rescale the data (1-D data: or train with normalization)");
        }
    }

    /** Refuses a finished network whose output at some data point is not finite. */
    static void requireFiniteOutputs(IntToDoubleFunction outputAt, int n) {
        for (int i = 0; i < n; i++) {
            double f = outputAt.applyAsDouble(i);
            if (!Double.isFinite(f)) {
                throw new InvalidDataException("the trained network's output at data point " + (i + 1) + " is " + f
                        + ": rescale the data (1-D data: or train with normalization)");
            }
        }
    }
}
