package dev.sparsest.cli;

import dev.sparsest.data.NoisyData;
import dev.sparsest.json.Json;
import dev.sparsest.model.NetworkJson;
import dev.sparsest.noisy.PathPoint;
import dev.sparsest.noisy.PenalizedFit;
import dev.sparsest.noisy.TubeFit;

import java.util.List;
import java.util.Locale;

/** Tube and penalized fits, and the lambda path, as tables for people or as JSON (readable back as a model). */
final class NoisyReport {
    private NoisyReport() {
    }

    static String json(TubeFit t, NoisyData d, String tube) {
        return "{\n" + NetworkJson.fields(t.network(), "  ") + ",\n"
                + "  \"mode\": \"tube\",\n"
                + "  \"tube\": " + Json.quote(tube) + ",\n"
                + "  \"points\": " + d.size() + ",\n"
                + "  \"rows\": " + d.rows() + ",\n"
                + "  \"minimumKnots\": " + t.minimumKnots() + ",\n"
                + "  \"maxExcess\": " + Json.number(t.maxExcess()) + "\n"
                + "}\n";
    }

    static String json(PenalizedFit f, NoisyData d) {
        return "{\n" + NetworkJson.fields(f.network(), "  ") + ",\n"
                + "  \"mode\": \"penalized\",\n"
                + "  \"lambda\": " + Json.number(f.lambda()) + ",\n"
                + "  \"lambdaMax\": " + Json.number(f.lambdaMax()) + ",\n"
                + "  \"points\": " + d.size() + ",\n"
                + "  \"rows\": " + d.rows() + ",\n"
                + "  \"residualSumOfSquares\": " + Json.number(f.residualSumOfSquares()) + ",\n"
                + "  \"l1PathNorm\": " + Json.number(f.l1PathNorm()) + ",\n"
                + "  \"objective\": " + Json.number(f.objective()) + "\n"
                + "}\n";
    }

    static String table(TubeFit t, NoisyData d, String source, String tube, double millis) {
        return String.format(Locale.ROOT, "%s: %s, tube +-%s, fewest-knot fit in %.1f ms%n", source, counts(d), tube, millis)
                + String.format(Locale.ROOT, "  knots        %d   (no function inside the tube has fewer)%n", t.minimumKnots())
                + String.format(Locale.ROOT, "  outside tube %s   (largest excess at a data point)%n", FitReport.num(t.maxExcess()))
                + "  left of the first knot: y = " + FitReport.line(t.network().slope(), t.network().intercept()) + '\n'
                + FitReport.knots(t.network(), 40);
    }

    static String table(PenalizedFit f, NoisyData d, String source, double millis) {
        return String.format(Locale.ROOT, "%s: %s, l1-penalized fit at lambda = %s in %.1f ms%n", source, counts(d),
                FitReport.num(f.lambda()), millis)
                + String.format(Locale.ROOT, "  knots        %d   (the sparsest of the optima)%n", f.neurons())
                + String.format(Locale.ROOT, "  lambda max   %s   (at and above: the least-squares line)%n", FitReport.num(f.lambdaMax()))
                + String.format(Locale.ROOT, "  RSS          %s%n", FitReport.num(f.residualSumOfSquares()))
                + String.format(Locale.ROOT, "  l1 norm      %s   (sum |slope changes|)%n", FitReport.num(f.l1PathNorm()))
                + "  left of the first knot: y = " + FitReport.line(f.network().slope(), f.network().intercept()) + '\n'
                + FitReport.knots(f.network(), 40);
    }

    static String pathTable(List<PathPoint> path, NoisyData d, String source) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s, lambda path (%d events)%n", source, counts(d),
                path.size() - 1));
        sb.append(String.format(Locale.ROOT, "  %16s  %6s  %16s  %16s%n", "lambda", "knots", "RSS", "l1 norm"));
        for (PathPoint p : path) {
            sb.append(String.format(Locale.ROOT, "  %16s  %6d  %16s  %16s%n", FitReport.num(p.lambda()), p.knots(),
                    FitReport.num(p.residualSumOfSquares()), FitReport.num(p.l1PathNorm())));
        }
        return sb.toString();
    }

    static String pathJson(List<PathPoint> path) {
        StringBuilder sb = new StringBuilder("{\n  \"path\": [\n");
        for (int i = 0; i < path.size(); i++) {
            PathPoint p = path.get(i);
            sb.append("    {\"lambda\": ").append(Json.number(p.lambda())).append(", \"knots\": ").append(p.knots())
                    .append(", \"residualSumOfSquares\": ").append(Json.number(p.residualSumOfSquares()))
                    .append(", \"l1PathNorm\": ").append(Json.number(p.l1PathNorm())).append('}')
                    .append(i + 1 < path.size() ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    private static String counts(NoisyData d) {
        return d.rows() == d.size() ? d.size() + " points" : d.rows() + " rows at " + d.size() + " distinct x";
    }
}
