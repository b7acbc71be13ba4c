package dev.sparsest.spark;

import dev.sparsest.model.UnivariateNetwork;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/**
 * One exact fit per group of a DataFrame of (id, x, y[, eps]) rows: a DataFrame with one row per
 * group, {@code id, mode, rows, neurons, cost, rss, slope, anchorX, anchorY, knots, slopeChanges,
 * error}, as the command line's {@code fit --group-by} writes them. Each row is the exact network
 * f(x) = anchorY + slope (x - anchorX) + sum_k slopeChanges[k] relu(x - knots[k]). A group that
 * cannot be fitted (too few points, NaN or null values, repeated x with different y when
 * interpolating) gets its error and null fields; the other groups are fitted.
 *
 * <p>Each group's rows are sorted by (x, y) before the fit, so the answer does not depend on the
 * order Spark delivers them in, and equals the library's fit of the same sorted arrays bit for
 * bit. A group is fitted on one executor thread and must fit in its memory.
 *
 * <p>From PySpark: {@code DataFrame(spark._jvm.dev.sparsest.spark.GroupedFits.fit(df._jdf,
 * "id", "x", "y", "l0"), spark)} (modes as {@link FitMode#parse}).
 */
public final class GroupedFits {
    private GroupedFits() {
    }

    /** The result rows' columns after the id (whose type is the input's). */
    static StructType schema(DataType idType) {
        return new StructType()
                .add("id", idType, true)
                .add("mode", DataTypes.StringType, false)
                .add("rows", DataTypes.IntegerType, false)
                .add("neurons", DataTypes.IntegerType, true)
                .add("cost", DataTypes.DoubleType, true)
                .add("rss", DataTypes.DoubleType, true)
                .add("slope", DataTypes.DoubleType, true)
                .add("anchorX", DataTypes.DoubleType, true)
                .add("anchorY", DataTypes.DoubleType, true)
                .add("knots", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
                .add("slopeChanges", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
                .add("error", DataTypes.StringType, true);
    }

    /** The mode given as text ({@link FitMode#parse}): the entry point for PySpark. */
    public static Dataset<Row> fit(Dataset<Row> data, String id, String x, String y, String mode) {
        return fit(data, id, x, y, FitMode.parse(mode));
    }

    public static Dataset<Row> fit(Dataset<Row> data, String id, String x, String y, FitMode mode) {
        String eps = mode.toleranceColumn();
        for (String c : eps == null ? List.of(id, x, y) : List.of(id, x, y, eps)) {
            if (!Arrays.asList(data.columns()).contains(c)) {
                throw new IllegalArgumentException("no column '" + c + "' in " + Arrays.toString(data.columns()));
            }
        }
        DataType idType = data.schema().apply(id).dataType();
        Column point = eps == null
                ? struct(col(x).cast("double").as("x"), col(y).cast("double").as("y"))
                : struct(col(x).cast("double").as("x"), col(y).cast("double").as("y"), col(eps).cast("double").as("eps"));
        Dataset<Row> grouped = data.groupBy(col(id)).agg(collect_list(point).as("points"));
        return grouped.map((MapFunction<Row, Row>) g -> fitGroup(g, mode), Encoders.row(schema(idType)));
    }

    /** One group's result row: its points sorted by (x, y, eps), fitted, or the reason they cannot be. */
    static Row fitGroup(Row group, FitMode mode) {
        Object id = group.get(0);
        List<Row> points = group.getList(1);
        int n = points.size();
        boolean withEps = mode.toleranceColumn() != null;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            Row p = points.get(i);
            for (int c = 0; c < p.size(); c++) {
                if (p.isNullAt(c)) {
                    return failed(id, mode, n, "a row has a null " + (c == 0 ? "x" : c == 1 ? "y" : "tolerance")
                            + " (or one that is not a number)");
                }
            }
            rows[i] = withEps ? new double[] {p.getDouble(0), p.getDouble(1), p.getDouble(2)}
                    : new double[] {p.getDouble(0), p.getDouble(1)};
        }
        Arrays.sort(rows, GroupedFits::compareRows);
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] es = withEps ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            xs[i] = rows[i][0];
            ys[i] = rows[i][1];
            if (withEps) {
                es[i] = rows[i][2];
            }
        }
        FitMode.Result r;
        try {
            r = mode.fit(xs, ys, es);
        } catch (RuntimeException e) {
            return failed(id, mode, n, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        UnivariateNetwork f = r.network();
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double d = f.evaluate(xs[i]) - ys[i];
            rss += d * d;
        }
        return RowFactory.create(id, mode.name(), n, f.neurons(), r.cost(), rss, f.slope(), f.anchorX(), f.anchorY(),
                boxed(f.knots()), boxed(f.slopeChanges()), null);
    }

    /** By x, then y, then eps, with Double.compare's total order (NaN last: refused by the fit). */
    private static int compareRows(double[] a, double[] b) {
        for (int c = 0; c < a.length; c++) {
            int k = Double.compare(a[c], b[c]);
            if (k != 0) {
                return k;
            }
        }
        return 0;
    }

    private static Row failed(Object id, FitMode mode, int rows, String error) {
        return RowFactory.create(id, mode.name(), rows, null, null, null, null, null, null, null, null, error);
    }

    private static Double[] boxed(double[] v) {
        Double[] b = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i];
        }
        return b;
    }
}
