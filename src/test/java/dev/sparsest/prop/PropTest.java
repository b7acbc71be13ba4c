package dev.sparsest.prop;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness itself: repeatable seeds, the tries count, replay, shrinking, the failure message. */
class PropTest {

    @Test
    void runsTheRequestedNumberOfTriesAndPassesWhenThePropertyHolds() {
        int tries = Prop.forAll("always", r -> r.nextInt(10)).tries(37).check(v -> assertTrue(v < 10));
        assertEquals(Math.min(37, Integer.getInteger("prop.tries", 37)), tries);
    }

    @Test
    void seedsAreRepeatableAndDifferByNameAndIndex() {
        assertEquals(Prop.seedOf("a", 0, 3), Prop.seedOf("a", 0, 3));
        assertNotEquals(Prop.seedOf("a", 0, 3), Prop.seedOf("a", 0, 4));
        assertNotEquals(Prop.seedOf("a", 0, 3), Prop.seedOf("b", 0, 3));
        assertNotEquals(Prop.seedOf("a", 0, 3), Prop.seedOf("a", 1, 3));
    }

    @Test
    void failureNamesTheSeedAndShrinksArraysToAMinimalCounterexample() {
        // fails whenever some element exceeds 100: the minimal counterexample is one such element
        Gen<double[]> gen = r -> {
            double[] a = new double[20 + r.nextInt(20)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(200);
            }
            return a;
        };
        Shrinker<double[]> shrink = a -> ArrayShrink.rows(new double[][] {a}, 1).stream().map(c -> c[0]).toList();
        AssertionError e = assertThrows(AssertionError.class, () -> Prop.forAll("no element over 100", gen)
                .shrinkWith(shrink)
                .describeWith(java.util.Arrays::toString)
                .check(a -> {
                    for (double v : a) {
                        assertTrue(v <= 100, "element " + v);
                    }
                }));
        String msg = e.getMessage();
        assertTrue(msg.contains("-Dprop.seed="), msg);
        String shrunk = msg.substring(msg.indexOf("shrunk"), msg.indexOf("failure:"));
        assertTrue(shrunk.matches("(?s).*: \\[1\\d\\d\\.0\\]\\s*"), "shrunk to one element: " + shrunk);
    }

    @Test
    void theReportedSeedReplaysTheSameValue() {
        List<Long> seen = new ArrayList<>();
        Gen<Long> gen = r -> r.nextLong();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Prop.forAll("fails at once", gen).check(v -> {
                    seen.add(v);
                    throw new AssertionError("no");
                }));
        String msg = e.getMessage();
        long seed = Long.parseLong(msg.substring(msg.indexOf("-Dprop.seed=") + 12, msg.indexOf('\n')));
        assertEquals(seen.get(0).longValue(), gen.next(new java.util.SplittableRandom(seed)).longValue());
        String old = System.getProperty("prop.seed");
        System.setProperty("prop.seed", Long.toString(seed));
        try {
            List<Long> replayed = new ArrayList<>();
            assertThrows(AssertionError.class, () -> Prop.forAll("fails at once", gen).check(v -> {
                replayed.add(v);
                throw new AssertionError("no");
            }));
            assertEquals(seen.get(0), replayed.get(0));
            assertEquals(1, replayed.size(), "replay runs exactly the one try");
        } finally {
            if (old == null) {
                System.clearProperty("prop.seed");
            } else {
                System.setProperty("prop.seed", old);
            }
        }
    }

    @Test
    void generatedPointsHaveStrictlyIncreasingFiniteX() {
        Prop.forAll("points are well formed", PointsGen.any(1, 40)).check(p -> {
            assertEquals(p.x().length, p.y().length);
            for (int i = 0; i < p.n(); i++) {
                assertTrue(Double.isFinite(p.x()[i]) && Double.isFinite(p.y()[i]));
                assertTrue(i == 0 || p.x()[i] > p.x()[i - 1], p.toString());
            }
        });
    }
}
