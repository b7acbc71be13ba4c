package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many series at once: each answered as a lone {@link ChordPathFitter} answers it (bitwise),
 * whatever the thread count; a bad series is an error entry and loses nothing else.
 */
class BatchFitterTest {

    /** Series of 0..300 points, every 7th one broken in one of four ways. */
    private record Batch(double[] x, double[] y, int[] offsets) {
        static Batch random(long seed, int series, boolean broken) {
            SplittableRandom r = new SplittableRandom(seed);
            int[] offsets = new int[series + 1];
            for (int s = 0; s < series; s++) {
                offsets[s + 1] = offsets[s] + (broken && s % 13 == 5 ? r.nextInt(2) : 2 + r.nextInt(300));
            }
            double[] x = new double[offsets[series]];
            double[] y = new double[x.length];
            for (int s = 0; s < series; s++) {
                double pos = 1e3 * r.nextDouble();
                for (int i = offsets[s]; i < offsets[s + 1]; i++) {
                    pos += 0.1 + r.nextDouble();
                    x[i] = pos;
                    y[i] = s % 3 == 0 ? Math.floor(4 * Math.sin(pos)) : r.nextGaussian();
                }
                int n = offsets[s + 1] - offsets[s];
                if (broken && s % 7 == 3 && n >= 3) {
                    int at = offsets[s] + 1 + r.nextInt(n - 2);
                    switch (r.nextInt(4)) {
                        case 0 -> x[at] = x[at - 1];            // repeated x
                        case 1 -> y[at] = Double.NaN;
                        case 2 -> x[at] = x[at - 1] - 1;        // unsorted
                        default -> y[at] = 1e308;               // beyond what doubles answer for
                    }
                }
            }
            return new Batch(x, y, offsets);
        }
    }

    @Test
    void everySeriesAsALoneFitAnswersItOnAnyThreadCount() {
        Batch b = Batch.random(11, 700, true);
        for (Penalty penalty : new Penalty[] {Penalty.l0(), Penalty.lp(0.4), Penalty.l1()}) {
            ChordPathFitter lone = new ChordPathFitter();
            FitOutput fit = new FitOutput();
            for (int threads : new int[] {1, 2, 3}) {
                BatchOutput out = new BatchOutput();
                try (BatchFitter batch = new BatchFitter(threads)) {
                    batch.fit(b.x, b.y, b.offsets, penalty, out);
                    batch.fit(b.x, b.y, b.offsets, penalty, out); // reused: same answers
                }
                assertEquals(700, out.series());
                int failed = 0;
                for (int s = 0; s < out.series(); s++) {
                    String expectedError = null;
                    try {
                        lone.fit(b.x, b.y, b.offsets[s], b.offsets[s + 1] - b.offsets[s], penalty, fit);
                    } catch (InvalidDataException e) {
                        expectedError = e.getMessage();
                    }
                    assertEquals(expectedError, out.error(s), "series " + s);
                    if (expectedError != null) {
                        failed++;
                        assertEquals(0, out.neurons(s));
                        assertTrue(Double.isNaN(out.cost(s)));
                        continue;
                    }
                    assertEquals(fit.neurons(), out.neurons(s));
                    assertEquals(fit.cost(), out.cost(s));
                    assertEquals(fit.slope(), out.slope(s));
                    assertEquals(fit.anchorY(), out.anchorY(s));
                    assertEquals(fit.l0LowerBound(), out.l0LowerBound(s));
                    for (int k = 0; k < fit.neurons(); k++) {
                        assertEquals(fit.knot(k), out.knot(s, k));
                        assertEquals(fit.slopeChange(k), out.slopeChange(s, k));
                    }
                }
                assertEquals(failed, out.failed());
                assertTrue(failed > 50, "the batch has broken series: " + failed);
            }
        }
    }

    @Test
    void badLayoutsAreRefusedBeforeAnyWork() {
        try (BatchFitter batch = new BatchFitter(2)) {
            BatchOutput out = new BatchOutput();
            double[] x = {0, 1, 2};
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> batch.fit(x, x, new int[] {0, 2, 1}, Penalty.l0(), out)).getMessage().contains("decrease"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> batch.fit(x, x, new int[] {0, 4}, Penalty.l0(), out)).getMessage().contains("past"));
            assertThrows(IllegalArgumentException.class, () -> batch.fit(x, new double[2], new int[] {0, 2}, Penalty.l0(), out));
            assertThrows(IllegalArgumentException.class, () -> batch.fit(x, x, new int[] {-1, 2}, Penalty.l0(), out));
            batch.fit(x, x, new int[] {0}, Penalty.l0(), out); // no series: nothing to do
            assertEquals(0, out.series());
            batch.fit(x, new double[] {0, 1, 0}, new int[] {0, 3}, Penalty.l0(), out);
            assertNull(out.error(0));
            assertEquals(1, out.neurons(0));
            assertThrows(IndexOutOfBoundsException.class, () -> out.knot(0, 1));
        }
        assertThrows(IllegalArgumentException.class, () -> new BatchFitter(0));
    }

    @Test
    void oneThreadAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Batch b = Batch.random(5, 50, false); // clean: an error message would allocate
        BatchOutput out = new BatchOutput();
        try (BatchFitter batch = new BatchFitter(1)) {
            for (int i = 0; i < 200; i++) {
                batch.fit(b.x, b.y, b.offsets, Penalty.l0(), out);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200; i++) {
                batch.fit(b.x, b.y, b.offsets, Penalty.l0(), out);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(0, out.failed());
            assertTrue(allocated < 1024, allocated + " bytes over 200 batches of 50 series");
        }
    }

    /**
     * The output keeps its own copy of the layout (the caller may reuse the offsets array at
     * once); an interrupted caller still gets the whole batch, with its interrupt flag kept.
     */
    @Test
    void theCallerMayReuseItsOffsetsAndBeInterrupted() {
        Batch b = Batch.random(9, 300, false);
        BatchOutput expected = new BatchOutput();
        BatchOutput out = new BatchOutput();
        try (BatchFitter batch = new BatchFitter(2)) {
            batch.fit(b.x, b.y, b.offsets, Penalty.l0(), expected);
            int[] offsets = b.offsets.clone();
            Thread.currentThread().interrupt();
            batch.fit(b.x, b.y, offsets, Penalty.l0(), out);
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            java.util.Arrays.fill(offsets, 0); // reused by the caller
            assertThrows(NullPointerException.class, () -> batch.fit(b.x, b.y, b.offsets, null, new BatchOutput()));
        }
        assertEquals(0, out.failed());
        for (int s = 0; s < out.series(); s++) {
            assertEquals(expected.neurons(s), out.neurons(s));
            for (int k = 0; k < out.neurons(s); k++) {
                assertEquals(expected.knot(s, k), out.knot(s, k));
            }
        }
    }
}
