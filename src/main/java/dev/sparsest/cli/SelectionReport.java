package dev.sparsest.cli;

import dev.sparsest.json.JsonWriter;
import dev.sparsest.model.MultivariateJson;
import dev.sparsest.train.LambdaSelection;
import dev.sparsest.train.TrainedMultivariate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What {@code train} prints and plots for a lambda chosen by {@link LambdaSelection}. */
final class SelectionReport {
    private SelectionReport() {
    }

    /** The path as a table, the chosen row starred. */
    static String table(LambdaSelection.Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "  %-10s %10s %8s %11s %22s %16s%n", "lambda", "parameters", "neurons", "train RMSE",
                "validation RMSE (± SE)", "fold parameters"));
        for (int s = 0; s < r.rows().size(); s++) {
            LambdaSelection.Row row = r.rows().get(s);
            TrainedMultivariate t = row.full();
            sb.append(String.format(Locale.ROOT, "%s %-10.4g %10d %8d %11.4g %13.4g ± %-6.2g %16.1f%n",
                    s == r.chosen() ? "*" : " ", row.lambda(), t.nonzeroParameters(), t.activeNeurons(),
                    Math.sqrt(t.mseAfterPolish()), row.validationRmse(), rmseError(row), row.meanParameters()));
        }
        return sb.toString();
    }

    /** What the starred row means, in one sentence. */
    static String verdict(LambdaSelection.Result r) {
        LambdaSelection.Row c = r.choice();
        String rule = r.method() instanceof LambdaSelection.CrossValidation cv
                ? cv.folds() + "-fold cross-validation" : "a holdout of " + ((LambdaSelection.Holdout) r.method()).fraction();
        String empty = c.full().network().hasAffinePart() ? "the least-squares plane's" : "the zero function's (the paper's model)";
        String what = c.full().activeNeurons() == 0
                ? " (no neuron: " + empty + " validation error is within one standard error of the least on this path)"
                : "";
        return String.format(Locale.ROOT, "  chosen by %s and the one-standard-error rule: lambda %.4g, %d nonzero parameters in %d neurons, "
                + "validation RMSE %.4g%s%n", rule, c.lambda(), c.full().nonzeroParameters(), c.full().activeNeurons(),
                c.validationRmse(), what);
    }

    /** The standard error of the RMSE from that of the MSE (delta method: se(MSE) / (2 RMSE)). */
    private static double rmseError(LambdaSelection.Row row) {
        return row.validationRmse() == 0 ? 0 : row.validationSe() / (2 * row.validationRmse());
    }

    /** The run and its path as JSON: the chosen lambda's numbers first, the network last. */
    static String json(Path data, TrainSummary run, LambdaSelection.Result r, List<String> inputs) {
        LambdaSelection.Row c = r.choice();
        return JsonWriter.document(o -> {
            run.fields(o, data, c.lambda(), c.full());
            o.add("select", SelectionMethod.describe(r.method())).add("validationRmse", c.validationRmse())
                    .addInlineObjects("path", r.rows(), (row, m) -> m.add("lambda", row.lambda())
                            .add("parameters", row.full().nonzeroParameters()).add("neurons", row.full().activeNeurons())
                            .add("trainRmse", Math.sqrt(row.full().mseAfterPolish())).add("validationRmse", row.validationRmse())
                            .add("validationMse", row.validationMse()).add("validationMseSe", row.validationSe())
                            .add("foldParameters", row.meanParameters()))
                    .addObject("network", n -> network(n, c.full(), inputs));
        });
    }

    /** A single run at a given lambda as JSON (no validation: {@code validationRmse} null). */
    static String json(Path data, TrainSummary run, double lambda, TrainedMultivariate t, List<String> inputs) {
        return JsonWriter.document(o -> {
            run.fields(o, data, lambda, t);
            o.add("select", "none").addOrNull("validationRmse", Double.NaN).addObject("network", n -> network(n, t, inputs));
        });
    }

    private static void network(JsonWriter.Members n, TrainedMultivariate t, List<String> inputs) {
        MultivariateJson.fields(n, t.network());
        if (!inputs.isEmpty()) {
            n.addStrings("inputs", inputs);
        }
    }

    /** Nonzero parameters (left axis) and validation RMSE (right axis) against lambda (log axis). */
    static void plot(Path file, String title, LambdaSelection.Result r) throws IOException {
        int n = r.rows().size();
        double[] lambda = new double[n];
        double[] parameters = new double[n];
        double[] rmse = new double[n];
        for (int s = 0; s < n; s++) {
            LambdaSelection.Row row = r.rows().get(s);
            lambda[s] = row.lambda();
            parameters[s] = row.full().nonzeroParameters();
            rmse[s] = row.validationRmse();
        }
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle("lambda").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, "nonzero parameters");
        chart.setYAxisGroupTitle(1, "validation RMSE");
        XYSeries p = chart.addSeries("nonzero parameters", lambda, parameters);
        p.setMarker(SeriesMarkers.CIRCLE);
        XYSeries v = chart.addSeries("validation RMSE", lambda, rmse);
        v.setMarker(SeriesMarkers.DIAMOND);
        v.setYAxisGroup(1);
        LambdaSelection.Row c = r.choice();
        XYSeries chosen = chart.addSeries("chosen (lambda " + String.format(Locale.ROOT, "%.3g", c.lambda()) + ")",
                new double[] {c.lambda()}, new double[] {c.full().nonzeroParameters()});
        chosen.setMarker(SeriesMarkers.SQUARE);
        chosen.setMarkerColor(Color.RED);
        chosen.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        PlotWriter.writeChart(file, chart);
    }
}
