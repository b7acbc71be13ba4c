package dev.sparsest.cli;

import dev.sparsest.data.NoisyData;
import dev.sparsest.json.JsonWriter;
import dev.sparsest.model.Shape;
import dev.sparsest.model.UnivariateJson;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.PathPoint;
import dev.sparsest.noisy.KnotBudget;
import dev.sparsest.noisy.KnotBudgetLeastSquares;
import dev.sparsest.noisy.KnotCountCrossValidation;
import dev.sparsest.noisy.KnotCountSelection;
import dev.sparsest.noisy.PenalizedFit;
import dev.sparsest.noisy.TubeFit;

import java.util.List;
import java.util.Locale;

/** Tube and penalized fits, and the lambda path, as tables for people or as JSON (readable back as a model). */
final class NoisyReport {
    private NoisyReport() {
    }

    /**
     * A fit judged over the rows, as a user of regression reads it: the RSS over every row, the
     * part of it that is the spread of y within repeated x (no function removes it), R^2 against
     * the best constant, and the largest residual at a row.
     */
    record RowFit(double rss, double within, double rSquared, double maxResidual, double maxResidualAt) {
        static RowFit of(UnivariateNetwork f, NoisyData d) {
            double fit = 0;
            double worst = -1;
            double at = Double.NaN;
            for (int i = 0; i < d.size(); i++) {
                double v = f.evaluate(d.x(i));
                double r = v - d.mean(i);
                fit += d.weight(i) * r * r;
                double m = Math.max(Math.abs(v - d.lowestY(i)), Math.abs(v - d.highestY(i)));
                if (m > worst) {
                    worst = m;
                    at = d.x(i);
                }
            }
            double rss = fit + d.withinSumOfSquares();
            double r2 = d.totalSumOfSquares() > 0 ? 1 - rss / d.totalSumOfSquares() : Double.NaN;
            return new RowFit(rss, d.withinSumOfSquares(), r2, worst, at);
        }

        String lines(NoisyData d) {
            String spread = d.rows() == d.size() ? ""
                    : String.format(Locale.ROOT, "; %s of it is the spread of y within repeated x, which no function removes",
                    FitReport.num(within));
            return String.format(Locale.ROOT, "  RSS          %s   (over the %d rows%s)%n", FitReport.num(rss), d.rows(), spread)
                    + String.format(Locale.ROOT, "  R^2          %s%n", FitReport.num(rSquared))
                    + String.format(Locale.ROOT, "  largest residual %s at x = %s%n", FitReport.num(maxResidual), FitReport.num(maxResidualAt));
        }

        /** The finite ones (R^2 is undefined when every y is equal; sums of squares overflow near 1e154). */
        void add(JsonWriter.Members o) {
            String[] keys = {"residualSumOfSquares", "withinXSumOfSquares", "rSquared", "maxResidual"};
            double[] values = {rss, within, rSquared, maxResidual};
            for (int k = 0; k < keys.length; k++) {
                if (Double.isFinite(values[k])) {
                    o.add(keys[k], values[k]);
                }
            }
        }
    }

    static String json(TubeFit t, NoisyData d, String tube, Shape shape) {
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, t.network());
            o.add("mode", "tube").add("tube", tube).add("points", d.size()).add("rows", d.rows())
                    .add("minimumKnots", t.minimumKnots()).add("maxExcess", t.maxExcess());
            if (shape != Shape.ANY) {
                o.add("shape", shape.label());
            }
            RowFit.of(t.network(), d).add(o);
        });
    }

    /** At most K knots, the least maximum error: the tube fit at that error, with the budget and the error. */
    static String json(KnotBudget.Fit f, NoisyData d) {
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, f.tube().network());
            o.add("mode", "knots").add("maxKnots", f.maxKnots()).add("maxError", f.eps()).add("points", d.size()).add("rows", d.rows())
                    .add("knotCount", f.knots()).add("maxExcess", f.tube().maxExcess());
            RowFit.of(f.tube().network(), d).add(o);
        });
    }

    static String table(KnotBudget.Fit f, NoisyData d, String source, double millis) {
        return String.format(Locale.ROOT, "%s: %s, at most %d knot(s), least maximum error, in %.1f ms%n", source, counts(d),
                f.maxKnots(), millis)
                + String.format(Locale.ROOT, "  max error    %s   (no function with %d knot(s) or fewer is closer to every row;"
                        + " exact up to ~1e-11 of the y range)%n", FitReport.num(f.eps()), f.maxKnots())
                + String.format(Locale.ROOT, "  knots        %d%n", f.knots())
                + RowFit.of(f.tube().network(), d).lines(d)
                + "  left of the first knot: y = " + FitReport.line(f.tube().network().slope(), f.tube().network().intercept()) + '\n'
                + FitReport.knots(f.tube().network(), 40, "the best line");
    }

    /** At most K knots by least squares (a local optimum). */
    static String json(KnotBudgetLeastSquares.Fit f, NoisyData d) {
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, f.network());
            o.add("mode", "knots-least-squares").add("maxKnots", f.maxKnots()).add("points", d.size()).add("rows", d.rows())
                    .add("knotCount", f.network().neurons()).add("startResidualSumOfSquares", f.startRss())
                    .add("pathResidualSumOfSquares", f.pathRss()).add("optimum", "local");
            RowFit.of(f.network(), d).add(o);
        });
    }

    static String table(KnotBudgetLeastSquares.Fit f, NoisyData d, String source, double millis) {
        return String.format(Locale.ROOT, "%s: %s, at most %d knot(s), least squares (a local optimum), in %.1f ms%n", source,
                counts(d), f.maxKnots(), millis)
                + String.format(Locale.ROOT, "  knots        %d%n", f.network().neurons())
                + RowFit.of(f.network(), d).lines(d)
                + String.format(Locale.ROOT, "  started from %s   (RSS of the least-squares fit on the penalized path's knots; that fit: %s)%n",
                        FitReport.num(f.startRss()), FitReport.num(f.pathRss()))
                + "  left of the first knot: y = " + FitReport.line(f.network().slope(), f.network().intercept()) + '\n'
                + FitReport.knots(f.network(), 40, "the least-squares line");
    }

    /** The knot count chosen by BIC: the chosen least-squares fit and the curve as rows [knots, RSS, BIC]. */
    static String json(KnotCountSelection.Selection sel, NoisyData d) {
        KnotBudgetLeastSquares.Fit f = sel.chosen();
        List<double[]> curve = new java.util.ArrayList<>();
        for (KnotCountSelection.Point p : sel.curve()) {
            curve.add(new double[] {p.knots(), p.rss(), p.bic()});
        }
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, f.network());
            o.add("mode", "knots-least-squares").add("selection", "bic").add("points", d.size()).add("rows", d.rows())
                    .add("knotCount", f.network().neurons()).add("optimum", "local");
            RowFit.of(f.network(), d).add(o);
            o.addRows("curve", curve); // [knots, RSS over the rows, BIC]
        });
    }

    static String table(KnotCountSelection.Selection sel, NoisyData d, String source, double millis) {
        KnotBudgetLeastSquares.Fit f = sel.chosen();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s: %s, knot count chosen by BIC over least-squares fits (local optima), in %.1f ms%n", source, counts(d), millis));
        sb.append(String.format(Locale.ROOT, "  %6s  %16s  %14s%n", "knots", "RSS (rows)", "BIC"));
        for (KnotCountSelection.Point p : sel.curve()) {
            sb.append(String.format(Locale.ROOT, "  %6d  %16s  %14s%s%n", p.knots(), FitReport.num(p.rss()), FitReport.num(p.bic()),
                    p.knots() == f.maxKnots() ? "   <- chosen" : ""));
        }
        return sb.append(String.format(Locale.ROOT, "  knots        %d%n", f.network().neurons()))
                .append(RowFit.of(f.network(), d).lines(d))
                .append("  left of the first knot: y = ").append(FitReport.line(f.network().slope(), f.network().intercept())).append('\n')
                .append(FitReport.knots(f.network(), 40, "the least-squares line")).toString();
    }

    /** The knot count chosen by cross-validation: the chosen fit and the curve as rows [knots, validation MSE, its SE, RSS, max error]. */
    static String json(KnotCountCrossValidation.Selection sel, NoisyData d) {
        KnotCountCrossValidation.Point c = sel.chosen();
        List<double[]> curve = new java.util.ArrayList<>();
        for (KnotCountCrossValidation.Point p : sel.curve()) {
            curve.add(new double[] {p.knots(), p.validationMse(), p.standardError(), p.rss(), p.maxError()});
        }
        boolean minimax = sel.family() == KnotCountCrossValidation.Family.MINIMAX;
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, c.network());
            o.add("mode", minimax ? "knots" : "knots-least-squares").add("selection", "cv").add("folds", sel.folds())
                    .add("seed", sel.seed()).add("points", d.size()).add("rows", d.rows()).add("knotCount", c.network().neurons())
                    .add("validationRmse", c.validationRmse());
            if (minimax) {
                o.add("maxError", c.maxError());
            } else {
                o.add("optimum", "local");
            }
            RowFit.of(c.network(), d).add(o);
            o.addRows("curve", curve); // [knots, validation MSE, its standard error, RSS over the rows, max error]
        });
    }

    static String table(KnotCountCrossValidation.Selection sel, NoisyData d, String source, double millis) {
        KnotCountCrossValidation.Point c = sel.chosen();
        boolean minimax = sel.family() == KnotCountCrossValidation.Family.MINIMAX;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s: %s, knot count chosen by %d-fold cross-validation (seed %d, one-standard-error rule) over %s, in %.1f ms%n",
                source, counts(d), sel.folds(), sel.seed(),
                minimax ? "least-maximum-error fits (exact)" : "least-squares fits (local optima)", millis));
        sb.append(String.format(Locale.ROOT, "  %6s  %22s  %16s  %14s%n", "knots", "validation RMSE", "RSS (rows)", "max error"));
        for (KnotCountCrossValidation.Point p : sel.curve()) {
            double se = p.validationMse() == 0 ? 0 : p.standardError() / (2 * p.validationRmse()); // delta method, RMSE units
            sb.append(String.format(Locale.ROOT, "  %6d  %22s  %16s  %14s%s%n", p.knots(),
                    String.format(Locale.ROOT, "%.4g ± %.2g", p.validationRmse(), se), FitReport.num(p.rss()),
                    FitReport.num(p.maxError()), p == c ? "   <- chosen" : ""));
        }
        sb.append(String.format(Locale.ROOT, "  knots        %d%n", c.network().neurons()));
        if (minimax) {
            sb.append(String.format(Locale.ROOT, "  max error    %s   (the tube's EPS: no function with %d knot(s) or fewer is closer"
                    + " to every row)%n", FitReport.num(c.maxError()), c.knots()));
        }
        return sb.append(RowFit.of(c.network(), d).lines(d))
                .append("  left of the first knot: y = ").append(FitReport.line(c.network().slope(), c.network().intercept())).append('\n')
                .append(FitReport.knots(c.network(), 40, minimax ? "the best line" : "the least-squares line")).toString();
    }

    static String json(PenalizedFit f, NoisyData d) {
        return JsonWriter.document(o -> {
            UnivariateJson.fields(o, f.network());
            o.add("mode", "penalized").add("lambda", f.lambda()).add("lambdaMax", f.lambdaMax()).add("points", d.size())
                    .add("rows", d.rows());
            RowFit.of(f.network(), d).add(o);
            // the objective minimized: (RSS over the distinct x, each weighted by its rows) / 2 + lambda * l1
            o.add("fitSumOfSquares", f.residualSumOfSquares()).add("l1PathNorm", f.l1PathNorm()).add("objective", f.objective());
        });
    }

    static String table(TubeFit t, NoisyData d, String source, String tube, Shape shape, double millis) {
        String kind = shape == Shape.ANY ? "" : shape.label() + " ";
        return String.format(Locale.ROOT, "%s: %s, tube +-%s, fewest-knot %sfit in %.1f ms%n", source, counts(d), tube, kind, millis)
                + String.format(Locale.ROOT, "  knots        %d   (no %sfunction inside the tube has fewer)%n", t.minimumKnots(), kind)
                + String.format(Locale.ROOT, "  outside tube %s   (largest excess at a data point)%n", FitReport.num(t.maxExcess()))
                + RowFit.of(t.network(), d).lines(d)
                + "  left of the first knot: y = " + FitReport.line(t.network().slope(), t.network().intercept()) + '\n'
                + FitReport.knots(t.network(), 40, "one line passes through every tube");
    }

    static String table(PenalizedFit f, NoisyData d, String source, double millis) {
        return String.format(Locale.ROOT, "%s: %s, l1-penalized fit at lambda = %s in %.1f ms%n", source, counts(d),
                FitReport.num(f.lambda()), millis)
                + String.format(Locale.ROOT, "  knots        %d   (the sparsest of the optima)%n", f.neurons())
                + String.format(Locale.ROOT, "  lambda max   %s   (at and above: the least-squares line)%n", FitReport.num(f.lambdaMax()))
                + RowFit.of(f.network(), d).lines(d)
                + String.format(Locale.ROOT, "  l1 norm      %s   (sum |slope changes|)%n", FitReport.num(f.l1PathNorm()))
                + "  left of the first knot: y = " + FitReport.line(f.network().slope(), f.network().intercept()) + '\n'
                + FitReport.knots(f.network(), 40, "at this lambda the fit is the least-squares line");
    }

    static String pathTable(List<PathPoint> path, NoisyData d, String source) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s, lambda path (%d events)%n", source, counts(d),
                path.size() - 1));
        sb.append(String.format(Locale.ROOT, "  %16s  %6s  %16s  %16s%n", "lambda", "knots", "RSS (rows)", "l1 norm"));
        for (PathPoint p : path) {
            sb.append(String.format(Locale.ROOT, "  %16s  %6d  %16s  %16s%n", FitReport.num(p.lambda()), p.knots(),
                    FitReport.num(p.residualSumOfSquares() + d.withinSumOfSquares()), FitReport.num(p.l1PathNorm())));
        }
        if (d.rows() > d.size()) {
            sb.append(String.format(Locale.ROOT, "  (RSS over the %d rows; %s of it is the spread of y within repeated x)%n",
                    d.rows(), FitReport.num(d.withinSumOfSquares())));
        }
        return sb.toString();
    }

    static String pathJson(List<PathPoint> path, NoisyData d) {
        return JsonWriter.document(o -> o.add("withinXSumOfSquares", finiteOrMax(d.withinSumOfSquares()))
                .addInlineObjects("path", path, (p, m) -> m.add("lambda", p.lambda()).add("knots", p.knots())
                        .add("residualSumOfSquares", finiteOrMax(p.residualSumOfSquares() + d.withinSumOfSquares()))
                        .add("l1PathNorm", p.l1PathNorm())));
    }

    /** A sum of squares that overflowed, as the largest double (JSON has no infinity). */
    private static double finiteOrMax(double v) {
        return Double.isFinite(v) ? v : Double.MAX_VALUE;
    }

    private static String counts(NoisyData d) {
        return d.rows() == d.size() ? d.size() + " points" : d.rows() + " rows at " + d.size() + " distinct x";
    }
}
