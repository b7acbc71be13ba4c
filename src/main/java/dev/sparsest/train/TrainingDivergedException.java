package dev.sparsest.train;

/** The loss became NaN or infinite; the trainer keeps the last finite state. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;

    public TrainingDivergedException(int epoch, double loss) {
        super("training diverged at epoch " + epoch + ": the loss is " + loss
                + " (lower the learning rate or rescale the data); the last finite state is kept");
        this.epoch = epoch;
    }

    /** The epoch whose loss was not finite. */
    public int epoch() {
        return epoch;
    }
}
