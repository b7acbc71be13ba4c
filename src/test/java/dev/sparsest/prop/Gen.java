package dev.sparsest.prop;

import java.util.SplittableRandom;

/** A generator of random test values from a seeded source. */
@FunctionalInterface
public interface Gen<T> {
    T next(SplittableRandom random);

    /** Each value from one of the generators, chosen uniformly. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<T>... gens) {
        return r -> gens[r.nextInt(gens.length)].next(r);
    }
}
