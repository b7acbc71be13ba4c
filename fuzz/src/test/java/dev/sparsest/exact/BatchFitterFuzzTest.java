package dev.sparsest.exact;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.UnivariateDataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot-loop entry points on raw arrays: any doubles (NaN, infinities, unsorted, repeated x,
 * 1e-300..1e300), cut into series by arbitrary offsets, fitted by a {@link BatchFitter} on one or
 * two threads. Every series is either refused with a message or answered exactly as the
 * immutable solver answers the same points (bitwise); a refused series never changes another's
 * answer; a {@link ChordPathFitter} reused across all series agrees with the batch.
 */
class BatchFitterFuzzTest {

    @FuzzTest
    void everySeriesIsAnsweredAsAloneOrRefused(FuzzedDataProvider data) {
        int n = data.consumeInt(0, 40);
        boolean wild = data.consumeBoolean();
        double[] x = new double[n];
        double[] y = new double[n];
        double position = 0;
        for (int i = 0; i < n; i++) {
            if (wild) {
                x[i] = data.consumeDouble();
                y[i] = data.consumeDouble();
            } else { // mostly increasing, so most series are fitted
                position += data.consumeRegularDouble(-0.1, 2);
                x[i] = position;
                y[i] = data.consumeInt(-3, 3) * Math.pow(10, data.consumeInt(-5, 5));
            }
        }
        int series = data.consumeInt(0, 6);
        int[] offsets = new int[series + 1];
        offsets[0] = data.consumeInt(0, n);
        for (int s = 1; s <= series; s++) {
            offsets[s] = data.consumeInt(offsets[s - 1], n);
        }
        Penalty penalty = data.consumeBoolean() ? Penalty.l0()
                : data.consumeBoolean() ? Penalty.l1() : Penalty.lp(data.consumeRegularDouble(0.01, 0.99));
        int threads = data.consumeInt(1, 2);
        BatchOutput out = new BatchOutput();
        try (BatchFitter batch = new BatchFitter(threads)) {
            batch.fit(x, y, offsets, penalty, out);
        }
        ChordPathFitter reused = new ChordPathFitter();
        FitOutput fit = new FitOutput(0);
        int failed = 0;
        for (int s = 0; s < series; s++) {
            int from = offsets[s];
            int length = offsets[s + 1] - from;
            String error = null;
            try {
                reused.fit(x, y, from, length, penalty, fit);
            } catch (InvalidDataException e) {
                error = e.getMessage();
            }
            assertEquals(error, out.error(s), "series " + s);
            if (error != null) {
                assertTrue(!error.isEmpty());
                failed++;
                continue;
            }
            ExactSolution alone = new ChordPathSolver().solve(
                    UnivariateDataset.of(java.util.Arrays.copyOfRange(x, from, from + length),
                            java.util.Arrays.copyOfRange(y, from, from + length)), penalty);
            assertEquals(alone, fit.toSolution(), "series " + s);
            assertEquals(alone.neurons(), out.neurons(s));
            assertEquals(alone.cost(), out.cost(s));
            for (int k = 0; k < alone.neurons(); k++) {
                assertEquals(alone.network().knot(k), out.knot(s, k));
                assertEquals(alone.network().slopeChange(k), out.slopeChange(s, k));
            }
        }
        assertEquals(failed, out.failed());
    }
}
