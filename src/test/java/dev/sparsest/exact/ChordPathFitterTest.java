package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Points;
import dev.sparsest.prop.PointsGen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reusable fitter: the same answers as a fresh {@link ChordPathSolver} (whose correctness
 * against brute force {@link ChordPathProperties} checks) whatever it fitted before, at any
 * offset; refusals by index; no allocation per fit once warm. Comparisons are exact (bitwise):
 * both run the same arithmetic in the same order.
 */
class ChordPathFitterTest {
    private static final Penalty[] PENALTIES = {Penalty.l0(), Penalty.lp(0.5), Penalty.lp(0.03), Penalty.l1()};

    /** A sequence of datasets of very different sizes, fitted one after another by one fitter. */
    record Sequence(List<UnivariateDataset> data, List<Penalty> penalties) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < data.size(); i++) {
                sb.append(penalties.get(i)).append(": x = ").append(Arrays.toString(data.get(i).xs()))
                        .append(", y = ").append(Arrays.toString(data.get(i).ys())).append('\n');
            }
            return sb.toString();
        }
    }

    private static Gen<Sequence> sequences() {
        Gen<Points> small = PointsGen.any(2, 12);
        Gen<Points> large = PointsGen.any(40, 300);
        return r -> {
            int length = 2 + r.nextInt(6);
            List<UnivariateDataset> data = new ArrayList<>();
            List<Penalty> penalties = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                Points p = (r.nextBoolean() ? small : large).next(r);
                data.add(UnivariateDataset.of(p.x(), p.y()));
                penalties.add(PENALTIES[r.nextInt(PENALTIES.length)]);
            }
            return new Sequence(data, penalties);
        };
    }

    @Test
    void aReusedFitterAnswersAsAFreshSolverAtAnyOffset() {
        Prop.forAll("aReusedFitterAnswersAsAFreshSolverAtAnyOffset", sequences()).tries(300).check(seq -> {
            ChordPathFitter fitter = new ChordPathFitter();
            FitOutput out = new FitOutput(1);
            SplittableRandom r = new SplittableRandom(seq.data().size());
            for (int i = 0; i < seq.data().size(); i++) {
                UnivariateDataset d = seq.data().get(i);
                Penalty penalty = seq.penalties().get(i);
                ExactSolution expected;
                try {
                    expected = new ChordPathSolver().solve(d, penalty);
                } catch (InvalidDataException refused) {
                    assertThrows(InvalidDataException.class, () -> fitter.fit(d.xs(), d.ys(), penalty, out));
                    continue;
                }
                int offset = r.nextInt(5);
                double[] x = embed(d.xs(), offset, r);
                double[] y = embed(d.ys(), offset, r);
                fitter.fit(x, y, offset, d.size(), penalty, out);
                assertEquals(expected, out.toSolution());
                assertEquals(expected.neurons(), out.neurons());
                for (int k = 0; k < out.neurons(); k++) {
                    assertEquals(expected.network().knot(k), out.knot(k));
                }
            }
        });
    }

    /** values at [offset, offset + n) of a longer array whose other entries are junk. */
    private static double[] embed(double[] values, int offset, SplittableRandom r) {
        double[] a = new double[offset + values.length + r.nextInt(3)];
        Arrays.fill(a, Double.NaN);
        System.arraycopy(values, 0, a, offset, values.length);
        return a;
    }

    @Test
    void refusalsNameTheIndexAndLeaveNoFit() {
        ChordPathFitter fitter = new ChordPathFitter();
        FitOutput out = new FitOutput();
        fitter.fit(new double[] {0, 1, 2}, new double[] {0, 1, 0}, Penalty.l0(), out);
        assertEquals(1, out.neurons());
        String unsorted = assertThrows(InvalidDataException.class,
                () -> fitter.fit(new double[] {9, 0, 1, 1}, new double[] {9, 0, 1, 2}, 1, 3, Penalty.l0(), out)).getMessage();
        assertTrue(unsorted.contains("index 3") && unsorted.contains("sort"), unsorted);
        assertThrows(IllegalStateException.class, out::toSolution); // the refused fit left no fit behind
        assertThrows(IllegalStateException.class, out::neurons);
        assertThrows(IllegalStateException.class, out::slope);
        assertTrue(!out.hasFit());
        String nan = assertThrows(InvalidDataException.class,
                () -> fitter.fit(new double[] {0, 1, 2}, new double[] {0, Double.NaN, 0}, Penalty.l0(), out)).getMessage();
        assertTrue(nan.contains("index 1"), nan);
        String one = assertThrows(InvalidDataException.class,
                () -> fitter.fit(new double[] {0, 1}, new double[] {0, 1}, 1, 1, Penalty.l0(), out)).getMessage();
        assertTrue(one.contains("at least 2"), one);
        assertThrows(IndexOutOfBoundsException.class, () -> fitter.fit(new double[3], new double[3], 2, 2, Penalty.l0(), out));
        assertThrows(InvalidDataException.class, () -> fitter.fit(new double[3], new double[2], Penalty.l0(), out));
        String huge = assertThrows(InvalidDataException.class,
                () -> fitter.fit(new double[] {0, 1, 2}, new double[] {0, 1e308, 0}, Penalty.l0(), out)).getMessage();
        assertTrue(huge.contains("rescale"), huge);
        fitter.fit(new double[] {0, 1, 2, 3}, new double[] {0, 1, 0, 1}, Penalty.l0(), out); // still usable
        assertEquals(2, out.neurons());
        assertThrows(IndexOutOfBoundsException.class, () -> out.knot(2));
    }

    @Test
    void twoPointsGiveTheirLine() {
        FitOutput out = new FitOutput(0);
        new ChordPathFitter().fit(new double[] {1, 3}, new double[] {2, 6}, Penalty.l0(), out);
        assertEquals(0, out.neurons());
        assertEquals(2, out.slope());
        assertEquals(0, out.intercept());
        assertEquals(new ChordPathSolver().solve(UnivariateDataset.of(new double[] {1, 3}, new double[] {2, 6}), Penalty.l0()),
                out.toSolution());
    }

    /**
     * Once its buffers have grown, a fit allocates nothing (measured by the JVM's per-thread
     * allocation counter over 2 000 fits; a few hundred bytes of slack for the counter's own
     * bookkeeping, far below one allocated array per fit).
     */
    @Test
    void aWarmFitterAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SplittableRandom r = new SplittableRandom(3);
        double[][] xs = new double[50][];
        double[][] ys = new double[50][];
        for (int d = 0; d < xs.length; d++) {
            int n = 3 + r.nextInt(200);
            xs[d] = new double[n];
            ys[d] = new double[n];
            for (int i = 0; i < n; i++) {
                xs[d][i] = i + 0.5 * r.nextDouble();
                ys[d][i] = Math.sin(0.3 * i) + r.nextDouble();
            }
        }
        ChordPathFitter fitter = new ChordPathFitter();
        FitOutput out = new FitOutput();
        for (Penalty penalty : PENALTIES) {
            for (int round = 0; round < 40; round++) { // warm: buffers grown, code compiled
                for (int d = 0; d < xs.length; d++) {
                    fitter.fit(xs[d], ys[d], penalty, out);
                }
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int round = 0; round < 40; round++) {
                for (int d = 0; d < xs.length; d++) {
                    fitter.fit(xs[d], ys[d], penalty, out);
                }
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 1024, penalty + ": " + allocated + " bytes over 2000 fits");
        }
        // the counter sees allocation: the allocating solver's fits of the same data do allocate
        long before = threads.getCurrentThreadAllocatedBytes();
        UnivariateDataset d = UnivariateDataset.of(xs[0], ys[0]);
        new ChordPathSolver().solve(d, Penalty.l0());
        assertTrue(threads.getCurrentThreadAllocatedBytes() - before > 8 * xs[0].length);
    }

    /** The reusable p*: {@link ThresholdSolver}'s answers whatever it computed before. */
    @Test
    void aReusedThresholdFitterAnswersAsAFreshSolver() {
        Prop.forAll("aReusedThresholdFitterAnswersAsAFreshSolver", sequences()).tries(100).check(seq -> {
            ThresholdFitter fitter = new ThresholdFitter();
            for (UnivariateDataset d : seq.data()) {
                Threshold expected;
                try {
                    expected = new ThresholdSolver().solve(d);
                } catch (InvalidDataException refused) {
                    assertThrows(InvalidDataException.class, () -> fitter.fit(d.xs(), d.ys()));
                    continue;
                }
                assertEquals(expected, fitter.fit(d.xs(), d.ys()));
            }
        });
    }
}
