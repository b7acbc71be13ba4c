package dev.sparsest.spark;

import dev.sparsest.Sparsest;
import dev.sparsest.data.NoisyData;
import dev.sparsest.exact.BatchOutput;
import dev.sparsest.exact.Penalty;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.PenalizedSolver;
import dev.sparsest.noisy.TubeSolver;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grouped fits on Spark local[2] against the library's own batch and single fits, bit for bit. */
class GroupedFitsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("sparsest-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final StructType INPUT = new StructType()
            .add("id", DataTypes.LongType).add("x", DataTypes.DoubleType, true).add("y", DataTypes.DoubleType, true);

    /** Groups 0..count-1 of 2-60 points at distinct x; rows shuffled across groups. */
    private static List<Row> randomRows(SplittableRandom r, int count, Map<Long, double[][]> sorted) {
        List<Row> rows = new ArrayList<>();
        for (long g = 0; g < count; g++) {
            int n = 2 + r.nextInt(59);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i + r.nextDouble(0, 0.9);
                y[i] = Math.floor(r.nextDouble(-4, 4) * 16) / 16;
                rows.add(RowFactory.create(g, x[i], y[i]));
            }
            sorted.put(g, new double[][] {x, y});
        }
        Collections.shuffle(rows, new Random(3));
        return rows;
    }

    private static double[] unboxed(Row row, String field) {
        List<Double> v = row.getList(row.fieldIndex(field));
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static UnivariateNetwork network(Row row) {
        return UnivariateNetwork.of(unboxed(row, "knots"), unboxed(row, "slopeChanges"), row.getDouble(row.fieldIndex("slope")),
                row.getDouble(row.fieldIndex("anchorX")), row.getDouble(row.fieldIndex("anchorY")));
    }

    @Test
    void everyGroupEqualsTheSingleJvmBatchBitForBit() {
        Map<Long, double[][]> sorted = new HashMap<>();
        List<Row> rows = randomRows(new SplittableRandom(5), 200, sorted);
        Dataset<Row> df = spark.createDataFrame(rows, INPUT);
        List<Row> fits = GroupedFits.fit(df, "id", "x", "y", FitMode.l0()).collectAsList();
        assertEquals(200, fits.size());
        // the same series, one after another, through the library's batch call
        int total = sorted.values().stream().mapToInt(s -> s[0].length).sum();
        double[] x = new double[total];
        double[] y = new double[total];
        int[] offsets = new int[201];
        for (int g = 0; g < 200; g++) {
            double[][] s = sorted.get((long) g);
            System.arraycopy(s[0], 0, x, offsets[g], s[0].length);
            System.arraycopy(s[1], 0, y, offsets[g], s[1].length);
            offsets[g + 1] = offsets[g] + s[0].length;
        }
        BatchOutput batch = Sparsest.fitAll(x, y, offsets, Penalty.l0());
        for (Row fit : fits) {
            int g = (int) fit.getLong(0);
            assertNull(fit.getAs("error"), "group " + g);
            assertEquals(batch.neurons(g), (int) fit.<Integer>getAs("neurons"), "group " + g);
            double[] knots = new double[batch.neurons(g)];
            double[] changes = new double[batch.neurons(g)];
            for (int k = 0; k < knots.length; k++) {
                knots[k] = batch.knot(g, k);
                changes[k] = batch.slopeChange(g, k);
            }
            assertArrayEquals(knots, unboxed(fit, "knots"), "group " + g);
            assertArrayEquals(changes, unboxed(fit, "slopeChanges"), "group " + g);
            assertEquals(batch.slope(g), fit.<Double>getAs("slope"), "group " + g);
            assertEquals(batch.anchorX(g), fit.<Double>getAs("anchorX"), "group " + g);
            assertEquals(batch.anchorY(g), fit.<Double>getAs("anchorY"), "group " + g);
            assertEquals(batch.cost(g), fit.<Double>getAs("cost"), "group " + g);
            assertEquals(sorted.get((long) g)[0].length, (int) fit.<Integer>getAs("rows"));
        }
    }

    @Test
    void badGroupsGetErrorRowsAndTheOthersComplete() {
        List<Row> rows = new ArrayList<>(List.of(
                RowFactory.create(1L, 0.0, 0.0), RowFactory.create(1L, 1.0, 1.0), RowFactory.create(1L, 2.0, 0.0),
                RowFactory.create(2L, 5.0, 5.0),                                         // one point
                RowFactory.create(3L, 0.0, 1.0), RowFactory.create(3L, 0.0, 2.0),        // repeated x, different y
                RowFactory.create(4L, 0.0, 1.0), RowFactory.create(4L, 1.0, null),       // a null y
                RowFactory.create(5L, 0.0, 1.0), RowFactory.create(5L, 1.0, Double.NaN), // NaN
                RowFactory.create(6L, 0.0, 0.0), RowFactory.create(6L, 1.0, 2.0)));
        Map<Long, Row> out = new HashMap<>();
        for (Row r : GroupedFits.fit(spark.createDataFrame(rows, INPUT), "id", "x", "y", "l0").collectAsList()) {
            out.put(r.getLong(0), r);
        }
        assertEquals(6, out.size());
        assertNull(out.get(1L).getAs("error"));
        assertEquals(1, (int) out.get(1L).<Integer>getAs("neurons")); // up to x = 1, then down
        assertNull(out.get(6L).getAs("error"));
        assertTrue(out.get(2L).<String>getAs("error").contains("at least 2"), out.get(2L).toString());
        assertTrue(out.get(3L).<String>getAs("error").contains("repeated x"), out.get(3L).toString());
        assertTrue(out.get(4L).<String>getAs("error").contains("null y"), out.get(4L).toString());
        assertTrue(out.get(5L).<String>getAs("error").toLowerCase().contains("nan"), out.get(5L).toString());
        assertNull(out.get(2L).getAs("knots"));
    }

    @Test
    void tubeAndPenalizedGroupsEqualTheLibrarysFits() {
        Map<Long, double[][]> sorted = new HashMap<>();
        Dataset<Row> df = spark.createDataFrame(randomRows(new SplittableRandom(6), 40, sorted), INPUT);
        for (Row fit : GroupedFits.fit(df, "id", "x", "y", "tube:0.5").collectAsList()) {
            double[][] s = sorted.get(fit.getLong(0));
            assertEquals(new TubeSolver().solve(NoisyData.of(s[0], s[1], 0.5)).network(), network(fit));
            assertEquals("tube:0.5", fit.getAs("mode"));
        }
        for (Row fit : GroupedFits.fit(df, "id", "x", "y", FitMode.lambda(0.25)).collectAsList()) {
            double[][] s = sorted.get(fit.getLong(0));
            assertEquals(new PenalizedSolver().solve(NoisyData.of(s[0], s[1]), 0.25).network(), network(fit));
        }
    }

    @Test
    void perRowTubesAndStringIds() {
        StructType schema = new StructType().add("series", DataTypes.StringType).add("t", DataTypes.DoubleType)
                .add("v", DataTypes.DoubleType).add("tol", DataTypes.DoubleType);
        List<Row> rows = List.of(RowFactory.create("a", 0.0, 0.0, 0.01), RowFactory.create("a", 1.0, 1.0, 0.01),
                RowFactory.create("a", 2.0, 0.0, 5.0), RowFactory.create("a", 3.0, 3.0, 0.01));
        Row fit = GroupedFits.fit(spark.createDataFrame(rows, schema), "series", "t", "v", "tube:tol").first();
        assertEquals("a", fit.getString(0));
        assertEquals(0, (int) fit.<Integer>getAs("neurons")); // y = x passes every tube
    }

    @Test
    void modesAndColumnsThatDoNotExistAreRefusedUpFront() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(1L, 0.0, 0.0)), INPUT);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GroupedFits.fit(df, "id", "x", "z", "l0"))
                .getMessage().contains("no column 'z'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitMode.parse("l2")).getMessage().contains("use l0, l1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitMode.parse("lp:1.5")).getMessage().contains("(0, 1)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitMode.parse("lambda:x")).getMessage().contains("not a number"));
    }
}
