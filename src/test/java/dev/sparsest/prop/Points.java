package dev.sparsest.prop;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Generated univariate test data: x strictly increasing, with y. Shrinks by dropping rows. */
public record Points(double[] x, double[] y) {

    public int n() {
        return x.length;
    }

    /** Shrinker keeping at least {@code minRows} rows. */
    public static Shrinker<Points> shrinker(int minRows) {
        return p -> ArrayShrink.rows(new double[][] {p.x, p.y}, minRows).stream()
                .map(c -> new Points(c[0], c[1])).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("n=" + x.length + " x=[");
        for (int i = 0; i < x.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(x[i]);
        }
        sb.append("] y=[");
        for (int i = 0; i < y.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(y[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Points && Arrays.equals(x, ((Points) o).x) && Arrays.equals(y, ((Points) o).y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    /** For CSV tests: one "x,y" line per point. */
    public List<String> csvLines() {
        String[] lines = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            lines[i] = String.format(Locale.ROOT, "%s,%s", Double.toString(x[i]), Double.toString(y[i]));
        }
        return List.of(lines);
    }
}
