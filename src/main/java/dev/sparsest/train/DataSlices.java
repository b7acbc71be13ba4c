package dev.sparsest.train;

/**
 * How the data points are cut into contiguous slices, one per thread, and the weight n_t / n of
 * each slice's mean in the mean over all points. Slices differ in length by at most one.
 */
final class DataSlices {
    final int[] start; // slice t is [start[t], start[t + 1])
    final double[] weight;

    DataSlices(int n, int parts) {
        start = new int[parts + 1];
        weight = new double[parts];
        for (int t = 0; t <= parts; t++) {
            start[t] = (int) ((long) n * t / parts);
        }
        for (int t = 0; t < parts; t++) {
            weight[t] = (double) (start[t + 1] - start[t]) / n;
        }
    }

    int parts() {
        return weight.length;
    }

    int size(int t) {
        return start[t + 1] - start[t];
    }

    /** Rows [start, end) of a row-major array with {@code width} entries per row. */
    double[] copy(double[] rows, int width, int t) {
        double[] out = new double[size(t) * width];
        System.arraycopy(rows, start[t] * width, out, 0, out.length);
        return out;
    }

    /**
     * out = sum over slices of weight[t] * parts[t][0..len), in slice order: the same sum for the
     * same thread count, whatever the timing.
     */
    void reduce(double[][] parts, int len, double[] out) {
        for (int i = 0; i < len; i++) {
            double s = 0;
            for (int t = 0; t < weight.length; t++) {
                s += weight[t] * parts[t][i];
            }
            out[i] = s;
        }
    }

    /** The mean over all points from the slices' means, in slice order. */
    double combine(double[] sliceMeans) {
        double mean = 0;
        for (int t = 0; t < weight.length; t++) {
            mean += weight[t] * sliceMeans[t];
        }
        return mean;
    }
}
