package dev.sparsest.noisy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineSetTest {

    @Test
    void containmentOfLineSetsComparesAtACommonOrigin() {
        LineSet big = LineSet.box(0, 2, -1, 1);
        LineSet small = LineSet.box(0, 1, -0.5, 0.5);
        assertTrue(TubeUnionReference.contains(big, small));
        assertFalse(TubeUnionReference.contains(small, big));
        assertTrue(TubeUnionReference.contains(big, big), "a set contains itself");
        // the same lines written at another origin: value at 0.5 = value at 0 + 0.5 s
        LineSet moved = new LineSet(0.5, small.s.clone(), new double[] {-1, 0, 1, 0});
        // small's lines at origin 0.5: s = -1 -> v0 - 0.5 = -1, s = 1 -> -0.5 + 0.5 = 0, ...
        assertTrue(TubeUnionReference.contains(moved, small) && TubeUnionReference.contains(small, moved), "equal sets written at different origins");
        assertFalse(TubeUnionReference.contains(big, LineSet.box(0, 3, -0.1, 0.1)), "steeper lines are outside");
    }

    @Test
    void clippingKeepsNesting() {
        LineSet big = LineSet.box(0, 2, -1, 1);
        LineSet small = LineSet.box(0, 1, -0.5, 0.5);
        LineSet bigClipped = big.clipBetween(1, -0.2, 0.3);
        LineSet smallClipped = small.clipBetween(1, -0.2, 0.3);
        assertTrue(TubeUnionReference.contains(bigClipped, smallClipped));
    }
}
