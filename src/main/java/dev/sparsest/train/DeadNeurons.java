package dev.sparsest.train;

/**
 * Compaction of dead neurons during the proximal phase, for p &lt; 1. A neuron whose products are
 * all exactly zero after a proximal step has infinite thresholds from then on (THEORY.md section
 * 3: zeros stay zero), so it contributes nothing to any later loss or gradient. (For p = 1 the
 * threshold stays finite and a neuron can come back: no compaction.) Moving the live neurons
 * (and their Adam moments) to the front and shrinking the working width leaves every live
 * neuron's trajectory as it was and makes the epochs after the support has shrunk much cheaper.
 */
final class DeadNeurons {
    private DeadNeurons() {
    }

    /**
     * Compacts neurons j &lt; k whose v[j] and whole row of w (m entries) are zero: v, w and the
     * arrays in {@code perNeuron} (one value per neuron) and {@code perRow} (m values per neuron)
     * move together. Returns the new width.
     */
    static int compact(int k, int m, double[] v, double[] w, double[][] perNeuron, double[][] perRow) {
        int live = 0;
        for (int j = 0; j < k; j++) {
            if (!dead(j, m, v, w)) {
                if (live != j) {
                    v[live] = v[j];
                    System.arraycopy(w, j * m, w, live * m, m);
                    for (double[] a : perNeuron) {
                        a[live] = a[j];
                    }
                    for (double[] a : perRow) {
                        System.arraycopy(a, j * m, a, live * m, m);
                    }
                }
                live++;
            }
        }
        return live;
    }

    private static boolean dead(int j, int m, double[] v, double[] w) {
        if (v[j] != 0) {
            return false;
        }
        for (int t = 0; t < m; t++) {
            if (w[j * m + t] != 0) {
                return false;
            }
        }
        return true;
    }
}
