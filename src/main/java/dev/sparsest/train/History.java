package dev.sparsest.train;

import java.util.Arrays;

/** Loss and active count recorded during training, every {@link #every()} epochs and at the end. */
public final class History {
    private final int every;
    private int[] epochs;
    private double[] losses;
    private int[] active;
    private int size;

    private History(int every, int capacity) {
        this.every = Math.max(1, every);
        epochs = new int[capacity];
        losses = new double[capacity];
        active = new int[capacity];
    }

    /** About 1000 records over a run of this many epochs, sized up front (no allocation while training). */
    static History forEpochs(int epochs) {
        int every = Math.max(1, epochs / 1000);
        return new History(every, epochs / every + 2);
    }

    int every() {
        return every;
    }

    void add(int epoch, double loss, int activeCount) {
        if (size == epochs.length) {
            epochs = Arrays.copyOf(epochs, size * 2);
            losses = Arrays.copyOf(losses, size * 2);
            active = Arrays.copyOf(active, size * 2);
        }
        epochs[size] = epoch;
        losses[size] = loss;
        active[size] = activeCount;
        size++;
    }

    public int size() {
        return size;
    }

    public int epoch(int i) {
        return epochs[i];
    }

    public double loss(int i) {
        return losses[i];
    }

    public int active(int i) {
        return active[i];
    }

    /** The active count recorded at the last epoch &lt;= {@code epoch}, or -1 before the first record. */
    public int activeAt(int epoch) {
        int found = -1;
        for (int i = 0; i < size && epochs[i] <= epoch; i++) {
            found = active[i];
        }
        return found;
    }
}
