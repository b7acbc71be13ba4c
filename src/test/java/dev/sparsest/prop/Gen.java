package dev.sparsest.prop;

import java.util.SplittableRandom;

/** A generator of random test values from a seeded source. */
@FunctionalInterface
public interface Gen<T> {
    T next(SplittableRandom random);
}
