package dev.sparsest.train;

/** Receives progress every {@link #interval()} epochs (and at the last one). */
public interface TrainListener {
    /** Epochs between reports. */
    default int interval() {
        return 1000;
    }

    /**
     * @param epoch  the epoch just finished (counted from 1)
     * @param loss   the MSE at the start of that epoch
     * @param active active neurons (1-D) or nonzero parameters (d-D)
     */
    void onEpoch(int epoch, double loss, int active);

    /**
     * Asked at every report: true ends the run there (and skips any further restarts); the
     * network trained so far is post-processed and returned as usual, its history ending at that
     * epoch. For a user's Ctrl-C or a deadline. Default: never.
     */
    default boolean stopRequested() {
        return false;
    }

    /** This listener with every reported epoch moved on by {@code offset} (for restarts). */
    default TrainListener countingFrom(long offset) {
        TrainListener inner = this;
        return offset == 0 ? this : new TrainListener() {
            @Override
            public int interval() {
                return inner.interval();
            }

            @Override
            public void onEpoch(int epoch, double loss, int active) {
                inner.onEpoch((int) Math.min(Integer.MAX_VALUE, offset + epoch), loss, active);
            }

            @Override
            public boolean stopRequested() {
                return inner.stopRequested();
            }
        };
    }

    static TrainListener none() {
        return (e, l, a) -> { };
    }
}
