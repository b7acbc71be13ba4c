package dev.sparsest.kernel;

/**
 * The 1-D forward pass and gradients by a sweep over sorted knots: O(N + K log K) instead of the
 * dense O(N K), for data sorted by x.
 *
 * <p>A neuron with w &gt; 0 is active for x &gt; u = -b/w, one with w &lt; 0 for x &lt; u, one with
 * w = 0 everywhere or nowhere. Sweeping x upwards while passing the knots in order keeps
 * A = sum v w and B = sum v b over the active neurons, and f(x) = (a + A) x + (c + B). With
 * prefix sums of g_i = 2 (f_i - y_i) / n and g_i x_i over the sorted points, each neuron's active
 * points are a prefix or a suffix, so its gradient costs O(1): dL/dw = v Sx, dL/db = v S1,
 * dL/dv = w Sx + b S1 (as in {@link Loss1dKernels#lossGrad}).
 *
 * <p>Activity is decided by comparing x with the rounded knot -b/w, where the dense kernels test
 * the sign of the rounded w x + b: the two can differ for points within a few ulps of a knot, as
 * the two roundings of the same mathematical test. The knot order of the last call is kept and
 * re-sorted, which is nearly linear while training moves knots slowly. Not thread-safe: one
 * instance per thread; it allocates nothing after construction.
 */
public final class KnotSweep {
    private final int maxN;
    private final int maxK;
    private final int[] order;     // all neurons, last call's knot order first
    private final int[] sorted;    // neurons with w != 0, sorted by (knot, w < 0 first)
    private final int[] buffer;
    private final int[] constant;  // neurons with w = 0
    private final int[] boundary;  // first point index past each neuron's knot
    private final double[] knot;
    private final double[] prefix1;
    private final double[] prefixX;
    private final double[] f;
    private int sortedCount;

    public KnotSweep(int maxN, int maxK) {
        this.maxN = maxN;
        this.maxK = maxK;
        order = new int[maxK];
        for (int j = 0; j < maxK; j++) {
            order[j] = j;
        }
        sorted = new int[maxK];
        buffer = new int[maxK];
        constant = new int[maxK];
        boundary = new int[maxK];
        knot = new double[maxK];
        prefix1 = new double[maxN + 1];
        prefixX = new double[maxN + 1];
        f = new double[maxN];
    }

    /** out[i] = f(x[i]) for sorted x. */
    public void forward(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
        check(x, n, k);
        sweep(x, n, w, b, v, k, a, c, out);
    }

    /** As {@link Loss1dKernels#lossGrad}, for x sorted ascending. */
    public double lossGrad(double[] x, double[] y, int n, double[] w, double[] b, double[] v, int k, double a, double c,
                           double[] gw, double[] gb, double[] gv, double[] gSkip) {
        check(x, n, k);
        sweep(x, n, w, b, v, k, a, c, f);
        double scale = 2.0 / n;
        double sse = 0;
        double s1 = 0;
        double sx = 0;
        prefix1[0] = 0;
        prefixX[0] = 0;
        for (int i = 0; i < n; i++) {
            double r = f[i] - y[i];
            sse += r * r;
            double g = scale * r;
            s1 += g;
            sx += g * x[i];
            prefix1[i + 1] = s1;
            prefixX[i + 1] = sx;
        }
        for (int j = 0; j < k; j++) {
            double a1;
            double ax;
            if (w[j] > 0) {        // active on the suffix past the knot
                a1 = s1 - prefix1[boundary[j]];
                ax = sx - prefixX[boundary[j]];
            } else if (w[j] < 0) { // active on the prefix before the knot
                a1 = prefix1[boundary[j]];
                ax = prefixX[boundary[j]];
            } else if (b[j] > 0) { // constant and active everywhere
                a1 = s1;
                ax = sx;
            } else {
                a1 = 0;
                ax = 0;
            }
            gw[j] = v[j] * ax;
            gb[j] = v[j] * a1;
            gv[j] = w[j] * ax + b[j] * a1;
        }
        gSkip[0] = sx;
        gSkip[1] = s1;
        return sse / n;
    }

    private void check(double[] x, int n, int k) {
        if (n > maxN || k > maxK) {
            throw new IllegalArgumentException("sweep sized for n <= " + maxN + ", k <= " + maxK + ": got n = " + n + ", k = " + k);
        }
        for (int i = 1; i < n; i++) {
            if (!(x[i - 1] <= x[i])) {
                throw new IllegalArgumentException("the sweep needs x sorted ascending: x[" + (i - 1) + "] = "
                        + x[i - 1] + ", x[" + i + "] = " + x[i]);
            }
        }
    }

    private void sweep(double[] x, int n, double[] w, double[] b, double[] v, int k, double a, double c, double[] out) {
        sortKnots(w, b, k);
        double slope = 0;  // sum v w over active neurons
        double offset = 0; // sum v b over active neurons, plus the constant neurons
        for (int j = 0; j < k; j++) {
            if (w[j] < 0) {
                slope += v[j] * w[j];
                offset += v[j] * b[j];
            } else if (w[j] == 0) {
                offset += v[j] * (0.5 * (b[j] + Math.abs(b[j])));
            }
        }
        int next = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            while (next < sortedCount) {
                int j = sorted[next];
                boolean pass = w[j] > 0 ? knot[j] < xi : knot[j] <= xi;
                if (!pass) {
                    break;
                }
                double sign = w[j] > 0 ? 1 : -1; // w > 0 switches on, w < 0 switches off
                slope += sign * (v[j] * w[j]);
                offset += sign * (v[j] * b[j]);
                boundary[j] = i;
                next++;
            }
            out[i] = (a + slope) * xi + (c + offset);
        }
        for (; next < sortedCount; next++) {
            boundary[sorted[next]] = n;
        }
    }

    /** Sorts the neurons with w != 0 by (knot, w &lt; 0 first), starting from the last order. */
    private void sortKnots(double[] w, double[] b, int k) {
        int m = 0;
        int zeros = 0;
        for (int p = 0; p < maxK; p++) {
            int j = order[p];
            if (j >= k) {
                continue;
            }
            if (w[j] != 0) {
                knot[j] = -b[j] / w[j];
                sorted[m++] = j;
            } else {
                constant[zeros++] = j;
            }
        }
        sortedCount = m;
        mergeSort(w, 0, m);
        // remember the order for the next call: sorted neurons, then the w = 0 ones, then unused
        System.arraycopy(sorted, 0, order, 0, m);
        System.arraycopy(constant, 0, order, m, zeros);
        int p = m + zeros;
        for (int j = k; j < maxK; j++) {
            order[p++] = j;
        }
    }

    private boolean before(double[] w, int i, int j) {
        int cmp = Double.compare(knot[i], knot[j]);
        if (cmp != 0) {
            return cmp < 0;
        }
        return w[i] < 0 && w[j] > 0;
    }

    private boolean inOrder(double[] w, int i, int j) {
        return !before(w, j, i);
    }

    /** Stable merge sort of sorted[lo, hi); a pass over sorted input costs O(n). */
    private void mergeSort(double[] w, int lo, int hi) {
        if (hi - lo < 24) {
            for (int i = lo + 1; i < hi; i++) {
                int e = sorted[i];
                int j = i - 1;
                while (j >= lo && before(w, e, sorted[j])) {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = e;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(w, lo, mid);
        mergeSort(w, mid, hi);
        if (inOrder(w, sorted[mid - 1], sorted[mid])) {
            return;
        }
        System.arraycopy(sorted, lo, buffer, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int t = lo; t < hi; t++) {
            if (j >= hi || (i < mid && inOrder(w, buffer[i], buffer[j]))) {
                sorted[t] = buffer[i++];
            } else {
                sorted[t] = buffer[j++];
            }
        }
    }
}
