package dev.sparsest.prop;

import java.util.List;

/** Smaller candidates for a failing value, simplest first; an empty list ends shrinking. */
@FunctionalInterface
public interface Shrinker<T> {
    List<T> candidates(T value);

    static <T> Shrinker<T> none() {
        return v -> List.of();
    }
}
