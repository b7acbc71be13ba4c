package dev.sparsest.exact.multivariate;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationPatternsTest {

    @Test
    void coverBoundValues() {
        assertEquals(2 * 7, ActivationPatterns.coverBound(7, 1)); // 2N on a line
        assertEquals(2 * (1 + 6 + 15 + 20), ActivationPatterns.coverBound(7, 3));
        assertEquals(1L << 5, ActivationPatterns.coverBound(5, 4)); // N <= d + 1: every subset
        assertEquals(1L << 5, ActivationPatterns.coverBound(5, 9));
    }

    @Test
    void onALineThePatternsAreTheThresholds() {
        MultivariateDataset data = MultivariateDataset.of(new double[][] {{0}, {1}, {3}}, new double[] {0, 0, 0});
        // active sets of w x + b >= 0: nothing, {0}, {0,1}, all, {2}, {1,2} -> 6 = 2N
        assertArrayEquals(new long[] {0b000, 0b001, 0b011, 0b100, 0b110, 0b111}, ActivationPatterns.of(data));
    }

    @Test
    void collinearPointsInThePlaneHaveFewerPatternsThanCover() {
        // three points on a line in R^2 are not in general position: a line cannot cut off the middle one
        MultivariateDataset data = MultivariateDataset.of(new double[][] {{0, 0}, {1, 1}, {2, 2}}, new double[] {0, 0, 0});
        long[] patterns = ActivationPatterns.of(data);
        assertEquals(6, patterns.length);
        assertTrue(Arrays.binarySearch(patterns, 0b010) < 0 && Arrays.binarySearch(patterns, 0b101) < 0);
    }

    @Test
    void generalPositionMeetsCoverBoundExactly() {
        for (int d = 1; d <= 3; d++) {
            int dim = d;
            Prop.forAll("patterns in general position, d=" + d, TinyData.generalPosition(d, 9)).tries(60)
                    .check(t -> assertEquals(ActivationPatterns.coverBound(t.n(), dim), ActivationPatterns.of(t.dataset()).length));
        }
    }

    /**
     * An independent check of the enumeration (not a way to enumerate): every pattern met by
     * random neurons is in the list, and on grid data with ties the list is within Cover's bound.
     */
    @Test
    void everyPatternOfRandomNeuronsIsListed() {
        Prop.forAll("random neurons' patterns are listed", TinyData.gaussian()).shrinkWith(TinyData.shrinker()).tries(100).check(t -> {
            MultivariateDataset data = t.dataset();
            long[] patterns = ActivationPatterns.of(data);
            assertTrue(patterns.length <= ActivationPatterns.coverBound(t.n(), t.d()));
            HashSet<Long> listed = new HashSet<>();
            for (long p : patterns) {
                listed.add(p);
            }
            SplittableRandom r = new SplittableRandom(t.hashCode());
            for (int k = 0; k < 3000; k++) {
                double[] u = new double[t.d() + 1];
                for (int c = 0; c <= t.d(); c++) {
                    u[c] = r.nextDouble() * 2 - 1;
                }
                long bits = 0;
                for (int i = 0; i < t.n(); i++) {
                    double z = u[t.d()];
                    for (int c = 0; c < t.d(); c++) {
                        z += u[c] * data.x(i, c);
                    }
                    bits |= z >= 0 ? 1L << i : 0;
                }
                assertTrue(listed.contains(bits), "pattern " + Long.toBinaryString(bits) + " of a random neuron is missing");
            }
        });
    }
}
