package dev.sparsest.cli;

import dev.sparsest.exact.ExactSolution;
import dev.sparsest.json.Json;
import dev.sparsest.json.JsonWriter;
import dev.sparsest.model.UnivariateJson;
import dev.sparsest.model.Shape;
import dev.sparsest.model.UnivariateNetwork;

import java.util.Locale;

/** An exact fit as a table for people or as JSON (the model file's schema plus the certificate). */
final class FitReport {
    private FitReport() {
    }

    /**
     * JSON: the network fields of {@link UnivariateJson} and "points", "penalty", "p" (0 for l0),
     * "cost", "l0LowerBound", "l1Value", "tolerance". Readable back as a model.
     */
    static String json(ExactSolution s, int points) {
        return json(s, points, Shape.ANY);
    }

    /** With the shape the fit was asked to keep (a "shape" member unless {@link Shape#ANY}). */
    static String json(ExactSolution s, int points, Shape shape) {
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, s.network());
            o.add("points", points).add("penalty", s.penalty().name()).add("p", s.penalty().p()).add("cost", s.cost())
                    .add("l0LowerBound", s.l0LowerBound()).add("l1Value", s.l1Value()).add("tolerance", s.tolerance());
            if (shape != Shape.ANY) {
                o.add("shape", shape.label());
            }
        });
    }

    static String table(ExactSolution s, String source, int points, double millis, int maxKnotRows) {
        UnivariateNetwork f = s.network();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d points, %s optimum in %.1f ms%n", source, points, s.penalty().name(), millis));
        sb.append(String.format(Locale.ROOT, "  neurons      %d   (fewest possible: %d)%n", f.neurons(), s.l0LowerBound()));
        if (!s.penalty().isL0()) {
            sb.append(String.format(Locale.ROOT, "  %-12s %s%n", s.penalty().name() + " cost", num(s.cost())));
        }
        sb.append(String.format(Locale.ROOT, "  l1 value     %s   (sum |a_i|, least l1 path norm)%n", num(s.l1Value())));
        sb.append("  left of the first knot: y = ").append(line(f.slope(), f.intercept())).append('\n');
        sb.append(knots(f, maxKnotRows));
        return sb.toString();
    }

    static String knots(UnivariateNetwork f, int maxRows) {
        return knots(f, maxRows, "the data are collinear (an affine interpolant)");
    }

    /** The knot table, or "no knots: " and {@code whyNone} when the network is a line. */
    static String knots(UnivariateNetwork f, int maxRows, String whyNone) {
        if (f.neurons() == 0) {
            return "  no knots: " + whyNone + "\n";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %22s  %22s%n", "knot u", "slope change c"));
        int k = f.neurons();
        int shown = Math.min(k, maxRows);
        for (int i = 0; i < shown; i++) {
            sb.append(String.format(Locale.ROOT, "  %22s  %22s%n", num(f.knot(i)), num(f.slopeChange(i))));
        }
        if (shown < k) {
            sb.append(String.format(Locale.ROOT, "  ... %d more (use --format json or -o for all)%n", k - shown));
        }
        return sb.toString();
    }

    /** "a * x + b" with the sign of b folded in. */
    static String line(double slope, double intercept) {
        return num(slope) + " * x " + (intercept < 0 ? "- " + num(-intercept) : "+ " + num(intercept));
    }

    /** Short, but exact enough to read: up to 10 significant digits. */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.10g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return stripZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return stripZeros(s);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
