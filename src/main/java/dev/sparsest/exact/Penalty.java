package dev.sparsest.exact;

/**
 * What the exact solver minimizes over interpolants: the number of neurons (l0), the l^p path
 * norm sum |c_k|^p for 0 &lt; p &lt; 1, or the l1 path norm (returning the sparsest l1 optimum).
 */
public final class Penalty {
    private static final Penalty L0 = new Penalty(0);
    private static final Penalty L1 = new Penalty(1);

    private final double p;

    private Penalty(double p) {
        this.p = p;
    }

    public static Penalty l0() {
        return L0;
    }

    public static Penalty l1() {
        return L1;
    }

    /** The l^p path norm; p = 0 and p = 1 give {@link #l0()} and {@link #l1()}. */
    public static Penalty lp(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1] (0 = l0, 1 = l1): " + p);
        }
        return p == 0 ? L0 : p == 1 ? L1 : new Penalty(p);
    }

    /** The exponent: 0 for l0, 1 for l1. */
    public double p() {
        return p;
    }

    public boolean isL0() {
        return p == 0;
    }

    public boolean isL1() {
        return p == 1;
    }

    /** The cost of one neuron with slope change c != 0: 1, |c|^p or |c|. */
    public double cost(double c) {
        double m = Math.abs(c);
        return p == 0 ? 1 : p == 1 ? m : Math.pow(m, p);
    }

    /** "l0", "l1" or "l^p" with the value of p. */
    public String name() {
        return p == 0 ? "l0" : p == 1 ? "l1" : "l^" + p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Penalty && Double.compare(((Penalty) o).p, p) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(p);
    }

    @Override
    public String toString() {
        return name();
    }
}
