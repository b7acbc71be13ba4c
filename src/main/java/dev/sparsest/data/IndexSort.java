package dev.sparsest.data;

/** Stable merge sort of an index array by primitive keys, so sorting allocates no boxes. */
final class IndexSort {
    private IndexSort() {
    }

    static void byValue(int[] idx, double[] key) {
        int[] buf = new int[idx.length];
        sort(idx, buf, key, 0, idx.length);
    }

    private static void sort(int[] a, int[] buf, double[] key, int lo, int hi) {
        if (hi - lo < 24) {
            for (int i = lo + 1; i < hi; i++) { // insertion sort: stable
                int v = a[i];
                int j = i - 1;
                while (j >= lo && Double.compare(key[a[j]], key[v]) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(a, buf, key, lo, mid);
        sort(a, buf, key, mid, hi);
        if (Double.compare(key[a[mid - 1]], key[a[mid]]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, buf, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && Double.compare(key[buf[i]], key[buf[j]]) <= 0)) {
                a[k] = buf[i++];
            } else {
                a[k] = buf[j++];
            }
        }
    }
}
