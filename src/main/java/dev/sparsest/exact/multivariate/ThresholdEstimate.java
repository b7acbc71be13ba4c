package dev.sparsest.exact.multivariate;

/**
 * p* located on a grid: every l^p optimum is sparsest for the grid points up to {@code below};
 * at {@code above} (the next grid point) some optimum is not, or {@code above} = 1 when the whole
 * grid below 1 passed. Between grid points nothing is checked: p* lies in [below, above) only if
 * the good set is an interval, which Thm 4.1 gives near 0 but not in general.
 */
public record ThresholdEstimate(double below, double above, double step) {
    /** Whether some grid point failed (p* &lt; 1 is located). */
    public boolean located() {
        return above < 1;
    }
}
