package dev.sparsest.train;

/**
 * Stops a run once the support and the loss have settled. Checked every {@code window} epochs
 * after the warm-up: a run stops when the active count equals the one at the previous check and
 * the least loss seen in the window improved on the previous window's by less than
 * {@value #RELATIVE_GAIN} of it (or both are below {@code lossFloor}, where relative changes are
 * round-off). The least loss rather than the last one, because Adam at a fixed learning rate
 * makes the loss of single epochs jump by orders of magnitude near the end. Deterministic: it
 * looks only at the run's own numbers.
 */
final class EarlyStop {
    static final double RELATIVE_GAIN = 1e-2;

    private final int window;
    private final int warmup;
    private final double lossFloor;
    private int lastActive = -1;
    private double lastMin = Double.NaN;
    private double windowMin = Double.POSITIVE_INFINITY;

    /** @param window epochs between checks; 0 turns early stopping off */
    EarlyStop(int window, int warmup, double lossFloor) {
        this.window = window;
        this.warmup = warmup;
        this.lossFloor = lossFloor;
    }

    /** Losses below 1e-20 of max y^2 count as settled: their relative changes are round-off. */
    static double lossFloor(double[] y) {
        double m = 0;
        for (double v : y) {
            m = Math.max(m, Math.abs(v));
        }
        return 1e-20 * m * m;
    }

    /** Sees the loss of every epoch; true when a check is due at this epoch (it needs the active count). */
    boolean observe(int epoch, double loss) {
        if (window == 0 || epoch <= warmup) {
            return false;
        }
        windowMin = Math.min(windowMin, loss);
        return (epoch - warmup) % window == 0;
    }

    /** The check of a due epoch; true when the run should stop here. */
    boolean settled(int active) {
        boolean stable = active == lastActive
                && (windowMin >= lastMin * (1 - RELATIVE_GAIN) || Math.max(windowMin, lastMin) <= lossFloor);
        lastActive = active;
        lastMin = windowMin;
        windowMin = Double.POSITIVE_INFINITY;
        return stable;
    }
}
