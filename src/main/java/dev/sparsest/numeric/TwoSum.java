package dev.sparsest.numeric;

/**
 * The exact rounding errors of a double sum and difference (Knuth's TwoSum), for compensated
 * chains and double-double arithmetic. Internal to the library (not part of its API).
 */
public final class TwoSum {
    private TwoSum() {
    }

    /** a + b - high exactly, where high = a + b rounded. */
    public static double sumError(double a, double b, double high) {
        double bVirtual = high - a;
        double aVirtual = high - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }

    /** a - b - high exactly, where high = a - b rounded. */
    public static double differenceError(double a, double b, double high) {
        return sumError(a, -b, high);
    }
}
