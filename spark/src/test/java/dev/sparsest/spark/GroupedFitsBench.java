package dev.sparsest.spark;

import dev.sparsest.exact.BatchFitter;
import dev.sparsest.exact.BatchOutput;
import dev.sparsest.exact.Penalty;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Spark local[2] against the library's batch call on the same series (S series of N points,
 * generated from the row index by the same formulas on both sides): seconds, and points per
 * second per core. Args: S N rounds. Run by spark/bench.sh; a plain timing, best of the rounds.
 */
public final class GroupedFitsBench {
    private GroupedFitsBench() {
    }

    static double x(long i, int n) {
        return (double) (i % n) + (double) ((i * 2654435761L) % 1000) / 1111.0;
    }

    static double y(long i) {
        return (double) ((i * 40503L) % 2000) / 1000.0 - 1.0;
    }

    public static void main(String[] args) {
        int s = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        long total = (long) s * n;
        double[] x = new double[Math.toIntExact(total)];
        double[] y = new double[x.length];
        int[] offsets = new int[s + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = x(i, n);
            y[i] = y(i);
        }
        for (int g = 0; g <= s; g++) {
            offsets[g] = g * n;
        }
        for (int threads = 1; threads <= 2; threads++) {
            BatchFitter fitter = new BatchFitter(threads);
            BatchOutput out = new BatchOutput();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                fitter.fit(x, y, offsets, Penalty.l0(), out);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("batch, %d thread(s): %.2f s, %.2e points/s per core (failed %d)%n", threads, best,
                    total / best / threads, out.failed());
        }
        x = null;
        y = null;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("sparsest-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Column id = col("id");
        Dataset<Row> df = spark.range(0, total, 1, 8).select(
                id.divide(lit(n)).cast("long").as("series"),
                id.mod(lit(n)).cast("double").plus(id.multiply(lit(2654435761L)).mod(lit(1000)).cast("double").divide(lit(1111.0))).as("x"),
                id.multiply(lit(40503L)).mod(lit(2000)).cast("double").divide(lit(1000.0)).minus(lit(1.0)).as("y"));
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            GroupedFits.fit(df, "series", "x", "y", FitMode.l0()).write().format("noop").mode("overwrite").save();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        long errors = GroupedFits.fit(df, "series", "x", "y", FitMode.l0()).filter(col("error").isNotNull()).count();
        System.out.printf("spark local[2]: %.2f s, %.2e points/s per core (groups with errors %d)%n", best, total / best / 2, errors);
        spark.stop();
    }
}
