package dev.sparsest.noisy;

import dev.sparsest.prop.Gen;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-place polygon against the immutable {@link LineSet} (plain Sutherland-Hodgman clipping,
 * no labels, no climbing): the same lines after every clip, compared by their extreme values at
 * several x (support values; two convex polygons with the same support values in every
 * direction are equal). Tolerance 1e-9 of the values' size: the polygon keeps vertices within a
 * few ulps of the constraints and the immutable set within 1e-12, and the labelled vertices are
 * recomputed from the data.
 */
class LinePolygonTest {
    /** A tube on sorted x: random widths (some zero), runs of collinear bounds, a slope box. */
    record Tube(double[] x, double[] lo, double[] hi, double maxSlope) {
        @Override
        public String toString() {
            return "x=" + Arrays.toString(x) + " lo=" + Arrays.toString(lo) + " hi=" + Arrays.toString(hi) + " S=" + maxSlope;
        }
    }

    static Gen<Tube> tubes(int maxN) {
        return r -> {
            int n = 2 + r.nextInt(maxN - 1);
            double[] x = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            double t = 0;
            double mid = 0;
            double step = r.nextDouble() - 0.5;
            double width = r.nextInt(4) == 0 ? 1e-11 : Math.pow(10, -3 * r.nextDouble());
            for (int i = 0; i < n; i++) {
                t += 0.1 + r.nextDouble();
                x[i] = t;
                mid = r.nextInt(3) == 0 ? mid + step : r.nextDouble() - 0.5; // collinear runs
                double w = r.nextInt(5) == 0 ? 1e-11 : width * r.nextDouble();
                lo[i] = mid - w;
                hi[i] = mid + w;
            }
            for (int i = 0; i < n; i++) {
                x[i] /= t; // x in (0, 1]
            }
            return new Tube(x, lo, hi, 8 / (0.1 / t));
        };
    }

    @Test
    void clippingByTheGatesInOrderKeepsTheSameLinesAsTheImmutableSet() {
        Prop.forAll("clippingByTheGatesInOrderKeepsTheSameLinesAsTheImmutableSet", tubes(40)).tries(500).check(tube -> {
            LinePolygon poly = new LinePolygon(tube.x, tube.lo, tube.hi, 0);
            poly.reset(0, tube.maxSlope);
            LineSet reference = LineSet.box(tube.x[0], tube.maxSlope, tube.lo[0], tube.hi[0]);
            for (int j = 1; j < tube.x.length; j++) {
                LineSet clipped = reference.clipBetween(tube.x[j], tube.lo[j], tube.hi[j]);
                LinePolygon.Clip top = poly.clip(LinePolygon.top(j));
                LinePolygon.Clip bottom = top == LinePolygon.Clip.EMPTY ? top : poly.clip(LinePolygon.bottom(j));
                if (clipped.isEmpty() || top == LinePolygon.Clip.EMPTY || bottom == LinePolygon.Clip.EMPTY) {
                    // empty for both, up to lines within the slack of the gate
                    assertTrue(clipped.isEmpty() ? top == LinePolygon.Clip.EMPTY || bottom == LinePolygon.Clip.EMPTY
                            || barely(reference, tube, j) : barely(reference, tube, j), "emptiness differs at gate " + j);
                    return;
                }
                reference = clipped;
                assertSameLines(reference, poly, tube, j);
                assertLabelsHoldTheirVertices(poly, tube);
            }
        });
    }

    @Test
    void wallsLeftOfTheOriginInOrderKeepTheSameLines() {
        Prop.forAll("wallsLeftOfTheOriginInOrderKeepTheSameLines", tubes(40)).tries(500).check(tube -> {
            int n = tube.x.length;
            boolean bottoms = Double.doubleToLongBits(tube.x[n / 2]) % 2 == 0; // either kind, by the data
            LinePolygon poly = new LinePolygon(tube.x, tube.lo, tube.hi, 0);
            poly.reset(n - 1, tube.maxSlope);
            LineSet reference = LineSet.box(tube.x[n - 1], tube.maxSlope, tube.lo[n - 1], tube.hi[n - 1]);
            for (int h = 0; h < n - 1; h++) {
                LineSet clipped = reference.clipValue(tube.x[h], bottoms ? tube.lo[h] : tube.hi[h], !bottoms);
                LinePolygon.Clip c = poly.clip(bottoms ? LinePolygon.bottom(h) : LinePolygon.top(h));
                assertEquals(clipped.isEmpty(), c == LinePolygon.Clip.EMPTY, "emptiness at wall " + h);
                reference = clipped;
                assertSameLines(reference, poly, tube, h);
                assertLabelsHoldTheirVertices(poly, tube);
            }
        });
    }

    /** Whether gate j's bounds come within rounding of the set's range there (emptiness is then a tie). */
    private static boolean barely(LineSet set, Tube tube, int j) {
        double scale = 1 + tube.maxSlope;
        return set.min(tube.x[j]) > tube.hi[j] - 1e-9 * scale && set.min(tube.x[j]) < tube.hi[j] + 1e-9 * scale
                || set.max(tube.x[j]) > tube.lo[j] - 1e-9 * scale && set.max(tube.x[j]) < tube.lo[j] + 1e-9 * scale;
    }

    private static void assertSameLines(LineSet reference, LinePolygon poly, Tube tube, int j) {
        double[] probes = {tube.x[0], tube.x[j], tube.x[tube.x.length - 1], 0.5 * (tube.x[0] + tube.x[j]), tube.x[j] + 0.3, tube.x[j] - 2};
        for (double at : probes) {
            double scale = 1e-9 * (1 + tube.maxSlope * Math.abs(at - poly.origin()));
            assertEquals(reference.max(at), poly.max(at), scale, "max at " + at + " after gate " + j);
            assertEquals(reference.min(at), poly.min(at), scale, "min at " + at + " after gate " + j);
        }
    }

    /** Every vertex lies on the constraints of its two edges (the labels say what holds it). */
    private static void assertLabelsHoldTheirVertices(LinePolygon poly, Tube tube) {
        int start = poly.extreme(poly.origin(), true);
        int i = start;
        for (int k = 0; k < poly.size(); k++, i = poly.next(i)) {
            for (int label : new int[] {poly.edgeBefore(i), poly.edgeAfter(i)}) {
                double scale = 1e-9 * (1 + Math.abs(poly.slope(i)));
                if (label == LinePolygon.STEEPEST_UP || label == LinePolygon.STEEPEST_DOWN) {
                    assertEquals(label == LinePolygon.STEEPEST_UP ? tube.maxSlope : -tube.maxSlope, poly.slope(i), scale, "slope edge");
                } else {
                    int g = LinePolygon.gate(label);
                    double bound = LinePolygon.isTop(label) ? tube.hi[g] : tube.lo[g];
                    assertEquals(bound, poly.value(i, tube.x[g]), scale, "vertex on its edge's constraint, gate " + g);
                }
            }
        }
    }
}
