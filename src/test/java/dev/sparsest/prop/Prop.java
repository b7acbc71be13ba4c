package dev.sparsest.prop;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The project's property harness on JUnit 5 (we do not use jqwik; see the developers' brief).
 *
 * <p>{@link #check} draws {@code tries} values (system property {@code prop.tries}, default 500)
 * from a generator, each from its own seed, and runs the property (which fails by throwing).
 * On a failure it shrinks the value greedily with the shrinker and fails with a message that names
 * the property, the seed of the failing try and the original and shrunk values. Re-run that one
 * try with {@code -Dprop.seed=SEED} (together with {@code -Dtest=Class#method}). Seeds are
 * derived from the property name, so runs are repeatable; {@code -Dprop.base=N} explores others.
 */
public final class Prop<T> {
    private static final int MAX_SHRINK_STEPS = 2000;

    private final String name;
    private final Gen<T> gen;
    private Shrinker<T> shrinker = Shrinker.none();
    private Function<T, String> describer = String::valueOf;
    private int tries = Integer.getInteger("prop.tries", 500);

    private Prop(String name, Gen<T> gen) {
        this.name = name;
        this.gen = gen;
    }

    public static <T> Prop<T> forAll(String name, Gen<T> gen) {
        return new Prop<>(name, gen);
    }

    public Prop<T> shrinkWith(Shrinker<T> s) {
        this.shrinker = s;
        return this;
    }

    public Prop<T> describeWith(Function<T, String> d) {
        this.describer = d;
        return this;
    }

    /** Overrides the tries count (e.g. for an expensive property); prop.tries still caps it from above when smaller. */
    public Prop<T> tries(int n) {
        this.tries = Math.min(n, Integer.getInteger("prop.tries", n));
        return this;
    }

    /** Runs the property; returns the number of tries run. */
    public int check(Consumer<T> property) {
        String replay = System.getProperty("prop.seed");
        if (replay != null) {
            runOne(Long.parseLong(replay.trim()), property);
            return 1;
        }
        long base = Long.getLong("prop.base", 0L);
        for (int i = 0; i < tries; i++) {
            runOne(seedOf(name, base, i), property);
        }
        return tries;
    }

    /** The seed of try {@code i}: a mix of the property name, the base and the index. */
    static long seedOf(String name, long base, int i) {
        long h = 1125899906842597L;
        for (int k = 0; k < name.length(); k++) {
            h = 31 * h + name.charAt(k);
        }
        return new SplittableRandom(h ^ (base * 0x9E3779B97F4A7C15L)).split().nextLong() + 0x9E3779B97F4A7C15L * i;
    }

    private void runOne(long seed, Consumer<T> property) {
        T value = gen.next(new SplittableRandom(seed));
        Throwable failure = failureOf(value, property);
        if (failure == null) {
            return;
        }
        T smallest = value;
        Throwable smallestFailure = failure;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            for (T candidate : shrinker.candidates(smallest)) {
                if (++steps > MAX_SHRINK_STEPS) {
                    break;
                }
                Throwable f = failureOf(candidate, property);
                if (f != null) {
                    smallest = candidate;
                    smallestFailure = f;
                    progress = true;
                    break;
                }
            }
        }
        AssertionError error = new AssertionError("property '" + name + "' failed; replay with -Dprop.seed=" + seed
                + "\n  original: " + describer.apply(value)
                + "\n  shrunk (" + steps + " steps): " + describer.apply(smallest)
                + "\n  failure: " + smallestFailure, smallestFailure);
        throw error;
    }

    private static <T> Throwable failureOf(T value, Consumer<T> property) {
        try {
            property.accept(value);
            return null;
        } catch (Throwable t) { // the property fails by throwing; errors of the VM are rethrown
            if (t instanceof VirtualMachineError) {
                throw (VirtualMachineError) t;
            }
            return t;
        }
    }
}
