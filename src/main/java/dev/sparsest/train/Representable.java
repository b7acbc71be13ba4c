package dev.sparsest.train;

import dev.sparsest.data.InvalidDataException;

import java.util.function.Supplier;

/**
 * Post-processing turns the trained neurons into the knot form, refits and compares with the
 * exact optimum; on data far from the origin or of extreme magnitude a finite trained network can
 * still overflow a double there (a knot at -b/w beyond 1e308, found by fuzzing the trainer). That
 * is reported as bad data, with the way out, instead of an unexplained IllegalArgumentException.
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
                    + "): rescale the data, or train with normalization");
        }
    }
}
