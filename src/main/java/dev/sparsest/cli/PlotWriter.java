package dev.sparsest.cli;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.model.UnivariateNetwork;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Plots a fit with XChart: the data points, the interpolant over a margin beyond the data (drawn
 * exactly, through its knots), and the knots marked. PNG or SVG by the file's extension.
 */
final class PlotWriter {
    /** Markers drawn at most; larger data are thinned evenly for the picture only. */
    private static final int MAX_MARKERS = 4000;
    private static final int MAX_LINE_POINTS = 50_000;

    private PlotWriter() {
    }

    static void checkFormat(Path file) {
        format(file);
    }

    private static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".svg")) {
            return "svg";
        }
        throw new IllegalArgumentException("plot file must end in .png or .svg: " + file);
    }

    static void write(Path file, String title, UnivariateDataset data, UnivariateNetwork f) throws IOException {
        writeChart(file, chart(title, Rows.of(data), f));
    }

    static void write(Path file, String title, Rows rows, UnivariateNetwork f) throws IOException {
        writeChart(file, chart(title, rows, f));
    }

    /**
     * What a fit plot shows beside the network: every row (not per-x means), each row's tube
     * half-width when the fit had one (null otherwise), and the axis names (the CSV header's).
     */
    record Rows(double[] x, double[] y, double[] tube, String xName, String yName) {
        static Rows of(UnivariateDataset d) {
            return new Rows(d.xs(), d.ys(), null, "x", "y");
        }

        /** The table's first two columns as rows, named by its header when it has one. */
        static Rows of(dev.sparsest.data.NumericTable table, double[] tube) {
            java.util.List<String> header = table.header();
            return new Rows(table.column(0), table.column(1), tube, header.size() >= 2 ? header.get(0) : "x",
                    header.size() >= 2 ? header.get(1) : "y");
        }

        double xMin() {
            return java.util.Arrays.stream(x).min().orElse(0);
        }

        double xMax() {
            return java.util.Arrays.stream(x).max().orElse(1);
        }
    }

    /** Any chart, PNG or SVG by the file's extension, written atomically. */
    static void writeChart(Path file, XYChart chart) throws IOException {
        String format = format(file);
        if (format.equals("png")) {
            AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        } else {
            AtomicFiles.write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        }
    }

    /**
     * The training loss (left axis, as log10 of the MSE: eight decades stay readable on a plain
     * axis, where XChart's log axis crowds its labels) and the active neurons or nonzero
     * parameters (right axis, plain counts, so 4 to 80 gets more than one tick) against epochs.
     */
    static void writeHistory(Path file, String title, dev.sparsest.train.History h) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle("epoch")
                .yAxisTitle("training loss: log10 of the MSE").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        int m = 0;
        for (int i = 0; i < h.size(); i++) {
            m += h.loss(i) > 0 && Double.isFinite(h.loss(i)) ? 1 : 0; // no logarithm of 0, NaN or infinity
        }
        double[] le = new double[m];
        double[] loss = new double[m];
        double[] e = new double[h.size()];
        double[] a = new double[h.size()];
        for (int i = 0, j = 0; i < h.size(); i++) {
            e[i] = h.epoch(i);
            a[i] = h.active(i);
            if (h.loss(i) > 0 && Double.isFinite(h.loss(i))) {
                le[j] = h.epoch(i);
                loss[j++] = Math.log10(h.loss(i));
            }
        }
        if (m > 0) {
            XYSeries l = chart.addSeries("training loss (log10 MSE)", le, loss);
            l.setMarker(SeriesMarkers.NONE);
            l.setLineColor(new Color(0x1f, 0x77, 0xb4));
        }
        XYSeries s = chart.addSeries("active (right axis)", e, a);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(0xd6, 0x27, 0x28));
        s.setYAxisGroup(1);
        chart.setYAxisGroupTitle(0, "training loss: log10 of the MSE");
        chart.setYAxisGroupTitle(1, "active neurons or nonzero parameters");
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.getStyler().putYAxisGroupDecimalPatternMap(1, "0");
        writeChart(file, chart);
    }

    static XYChart chart(String title, UnivariateDataset data, UnivariateNetwork f) {
        return chart(title, Rows.of(data), f);
    }

    /**
     * The network over the rows' x range (its straight tails beyond the data are not drawn, so
     * they cannot stretch the y axis), the rows with their tubes as error bars, the knots; axes
     * named by the data and numbered without thousands separators.
     */
    static XYChart chart(String title, Rows rows, UnivariateNetwork f) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(rows.xName())
                .yAxisTitle(rows.yName()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(6);

        int n = rows.x().length;
        double lo = rows.xMin();
        double hi = rows.xMax();
        double margin = 0.02 * Math.max(hi - lo, Math.abs(lo) * 1e-9 + 1e-300);
        double[][] line = curve(f, lo - margin, hi + margin);
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double e = rows.tube() == null ? 0 : rows.tube()[i];
            yLo = Math.min(yLo, rows.y()[i] - e);
            yHi = Math.max(yHi, rows.y()[i] + e);
        }
        for (double v : line[1]) {
            yLo = Math.min(yLo, v);
            yHi = Math.max(yHi, v);
        }
        double pad = 0.05 * Math.max(yHi - yLo, Math.abs(yHi) * 1e-9 + 1e-300);
        chart.getStyler().setXAxisMin(lo - margin).setXAxisMax(hi + margin);
        chart.getStyler().setYAxisMin(yLo - pad).setYAxisMax(yHi + pad);
        String xPattern = plainNumbers(lo, hi);
        if (xPattern != null) {
            chart.getStyler().setXAxisDecimalPattern(xPattern);
        }
        String yPattern = plainNumbers(yLo, yHi);
        if (yPattern != null) {
            chart.getStyler().setYAxisDecimalPattern(yPattern);
        }

        XYSeries curve = chart.addSeries(f.neurons() + " neuron" + (f.neurons() == 1 ? "" : "s"), line[0], line[1]);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(new Color(0x1f, 0x77, 0xb4));
        curve.setLineStyle(new BasicStroke(2f));

        int step = thinning(n);
        double[][] pts = thinned(n, step, i -> rows.x()[i], i -> rows.y()[i]);
        String label = (step == 1 ? "data (" + n + " rows" : "data (every " + step + "th of " + n + " rows")
                + (rows.tube() == null ? ")" : ", with their tubes)");
        XYSeries points;
        if (rows.tube() != null) {
            double[][] bars = thinned(n, step, i -> rows.x()[i], i -> rows.tube()[i]);
            points = chart.addSeries(label, pts[0], pts[1], bars[1]);
            chart.getStyler().setErrorBarsColorSeriesColor(true);
        } else {
            points = chart.addSeries(label, pts[0], pts[1]);
        }
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(0x33, 0x33, 0x33, n > 300 ? 90 : 255)); // many rows: see where they pile up
        points.setLineColor(new Color(0x33, 0x33, 0x33, n > 300 ? 60 : 160));

        if (f.neurons() > 0) {
            double[][] kn = thinned(f.neurons(), thinning(f.neurons()), f::knot, i -> f.evaluate(f.knot(i)));
            XYSeries knots = chart.addSeries("knots", kn[0], kn[1]);
            knots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            knots.setMarker(SeriesMarkers.DIAMOND);
            knots.setMarkerColor(new Color(0xd6, 0x27, 0x28));
        }
        return chart;
    }

    /**
     * A tick pattern without thousands separators (years read 1955, not 1,955) for axes whose
     * numbers are neither huge nor tiny; null leaves XChart's own format.
     */
    private static String plainNumbers(double lo, double hi) {
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        return big < 1e7 && hi - lo >= 1e-3 ? "0.####" : null;
    }

    /** Every how many items to draw so that at most MAX_MARKERS markers appear. */
    private static int thinning(int n) {
        return Math.max(1, (n + MAX_MARKERS - 1) / MAX_MARKERS);
    }

    /** {xs, ys} of every step-th item. */
    private static double[][] thinned(int n, int step, java.util.function.IntToDoubleFunction x,
                                      java.util.function.IntToDoubleFunction y) {
        int m = (n + step - 1) / step;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0, j = 0; i < n; i += step, j++) {
            xs[j] = x.applyAsDouble(i);
            ys[j] = y.applyAsDouble(i);
        }
        return new double[][] {xs, ys};
    }

    /** The CPWL function drawn exactly through its knots, or sampled when it has very many. */
    private static double[][] curve(UnivariateNetwork f, double lo, double hi) {
        int k = f.neurons();
        double[] xs;
        if (k + 2 <= MAX_LINE_POINTS) {
            xs = new double[k + 2];
            xs[0] = lo;
            for (int i = 0; i < k; i++) {
                xs[i + 1] = f.knot(i);
            }
            xs[k + 1] = hi;
        } else {
            xs = new double[MAX_LINE_POINTS];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = lo + (hi - lo) * i / (xs.length - 1);
            }
        }
        double[] ys = new double[xs.length];
        f.evaluate(xs, ys);
        return new double[][] {xs, ys};
    }
}
