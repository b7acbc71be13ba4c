package dev.sparsest.cli;

import dev.sparsest.data.NoisyData;
import dev.sparsest.json.JsonWriter;
import dev.sparsest.model.UnivariateJson;
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
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, t.network());
            o.add("mode", "tube").add("tube", tube).add("points", d.size()).add("rows", d.rows())
                    .add("minimumKnots", t.minimumKnots()).add("maxExcess", t.maxExcess());
        });
    }

    static String json(PenalizedFit f, NoisyData d) {
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, f.network());
            o.add("mode", "penalized").add("lambda", f.lambda()).add("lambdaMax", f.lambdaMax()).add("points", d.size())
                    .add("rows", d.rows()).add("residualSumOfSquares", f.residualSumOfSquares())
                    .add("l1PathNorm", f.l1PathNorm()).add("objective", f.objective());
        });
    }

    static String table(TubeFit t, NoisyData d, String source, String tube, double millis) {
        return String.format(Locale.ROOT, "%s: %s, tube +-%s, fewest-knot fit in %.1f ms%n", source, counts(d), tube, millis)
                + String.format(Locale.ROOT, "  knots        %d   (no function inside the tube has fewer)%n", t.minimumKnots())
                + String.format(Locale.ROOT, "  outside tube %s   (largest excess at a data point)%n", FitReport.num(t.maxExcess()))
                + "  left of the first knot: y = " + FitReport.line(t.network().slope(), t.network().intercept()) + '\n'
                + FitReport.knots(t.network(), 40, "one line passes through every tube");
    }

    static String table(PenalizedFit f, NoisyData d, String source, double millis) {
        return String.format(Locale.ROOT, "%s: %s, l1-penalized fit at lambda = %s in %.1f ms%n", source, counts(d),
                FitReport.num(f.lambda()), millis)
                + String.format(Locale.ROOT, "  knots        %d   (the sparsest of the optima)%n", f.neurons())
                + String.format(Locale.ROOT, "  lambda max   %s   (at and above: the least-squares line)%n", FitReport.num(f.lambdaMax()))
                + String.format(Locale.ROOT, "  RSS          %s%n", FitReport.num(f.residualSumOfSquares()))
                + String.format(Locale.ROOT, "  l1 norm      %s   (sum |slope changes|)%n", FitReport.num(f.l1PathNorm()))
                + "  left of the first knot: y = " + FitReport.line(f.network().slope(), f.network().intercept()) + '\n'
                + FitReport.knots(f.network(), 40, "at this lambda the fit is the least-squares line");
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
        return JsonWriter.document(o -> o.addInlineObjects("path", path, (p, m) -> m.add("lambda", p.lambda())
                .add("knots", p.knots()).add("residualSumOfSquares", p.residualSumOfSquares()).add("l1PathNorm", p.l1PathNorm())));
    }

    private static String counts(NoisyData d) {
        return d.rows() == d.size() ? d.size() + " points" : d.rows() + " rows at " + d.size() + " distinct x";
    }
}
