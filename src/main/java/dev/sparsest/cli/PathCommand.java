package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.NoisyData;
import dev.sparsest.noisy.PathPoint;
import dev.sparsest.noisy.PenalizedSolver;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "path", description = "The exact path of the l1-penalized fit over lambda: knots and residual at every "
        + "event, for choosing lambda (then: sparsest fit --lambda L).", sortOptions = false, mixinStandardHelpOptions = true)
final class PathCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "two columns x, y (repeated x allowed)")
    Path data;

    @Option(names = "--max-knots", paramLabel = "K", description = "stop once the fit has more than K knots (default: ${DEFAULT-VALUE})")
    int maxKnots = 30;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg", description = "plot knots and RSS against lambda")
    Path plot;

    @Mixin
    FormatOption formatOption;

    @Override
    public Integer call() throws Exception {
        if (plot != null) {
            PlotWriter.checkFormat(plot);
        }
        if (maxKnots < 0) {
            throw new IllegalArgumentException("--max-knots must be >= 0: " + maxKnots);
        }
        NoisyData d = CsvReader.read(data).toNoisyData(0);
        List<PathPoint> path = new PenalizedSolver().path(d, maxKnots);
        if (plot != null) {
            PlotWriter.writeChart(plot, chart(path, d.withinSumOfSquares()));
        }
        if (formatOption.json()) {
            System.out.print(NoisyReport.pathJson(path, d));
        } else {
            System.out.print(NoisyReport.pathTable(path, d, data.toString()));
            if (plot != null) {
                System.out.println("  plot written to " + plot);
            }
        }
        return 0;
    }

    /** Knots (left axis, steps) and RSS (right axis) against lambda on a log axis; lambda = 0 is left out of the log axis. */
    private static XYChart chart(List<PathPoint> path, double within) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("l1-penalized fit: knots and RSS against lambda")
                .xAxisTitle("lambda").yAxisTitle("knots").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(true);
        int m = 0;
        for (PathPoint p : path) {
            if (p.lambda() > 0) {
                m++;
            }
        }
        double[] lam = new double[m];
        double[] knots = new double[m];
        double[] rss = new double[m];
        int i = 0;
        for (PathPoint p : path) {
            if (p.lambda() > 0) {
                lam[i] = p.lambda();
                knots[i] = p.knots();
                rss[i] = p.residualSumOfSquares() + within; // over the rows
                i++;
            }
        }
        XYSeries k = chart.addSeries("knots", lam, knots);
        k.setMarker(SeriesMarkers.NONE);
        k.setLineColor(new Color(0x1f, 0x77, 0xb4));
        XYSeries r = chart.addSeries("RSS (rows)", lam, rss);
        r.setYAxisGroup(1);
        r.setMarker(SeriesMarkers.NONE);
        r.setLineColor(new Color(0xd6, 0x27, 0x28));
        chart.setYAxisGroupTitle(1, "RSS");
        return chart;
    }
}
