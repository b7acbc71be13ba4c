package dev.sparsest.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NullSpaceTest {

    @Test
    void independentColumnsHaveNoNullVector() {
        assertNull(NullSpace.vector(new double[][] {{1, 0}, {0, 1}, {1, 1}}, 2, 1e-10));
    }

    @Test
    void dependentColumnsGiveANullVector() {
        double[][] a = {{1, 2, 3}, {2, 4, 6.5}};
        double[] c = NullSpace.vector(a, 3, 1e-10);
        assertEquals(0, c[0] + 2 * c[1] + 3 * c[2], 1e-12);
        assertEquals(0, 2 * c[0] + 4 * c[1] + 6.5 * c[2], 1e-12);
        assertEquals(4.0, a[1][1], "the input is not changed");
    }

    @Test
    void aLineOnlyWhereTheNullSpaceIsOneDimensional() {
        double[] r = NullSpace.line(new double[][] {{1, 0, 0}, {0, 1, 0}}, 3, 1e-10);
        assertEquals(0, r[0], 0.0);
        assertEquals(0, r[1], 0.0);
        assertEquals(1, Math.abs(r[2]));
        assertNull(NullSpace.line(new double[][] {{1, 0, 0}, {2, 0, 0}}, 3, 1e-10), "a plane, not a line");
    }
}
