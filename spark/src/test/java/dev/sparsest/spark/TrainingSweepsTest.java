package dev.sparsest.spark;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.train.MultivariateTrainer;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainedMultivariate;
import dev.sparsest.train.TrainedUnivariate;
import dev.sparsest.train.UnivariateTrainer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainer sweeps on Spark local[2] against the library's own single-threaded runs, bit for bit. */
class TrainingSweepsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("sparsest-sweep-test")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final StructType CONFIGS = new StructType().add("label", DataTypes.StringType)
            .add("p", DataTypes.DoubleType, true).add("lambda", DataTypes.DoubleType, true)
            .add("seed", DataTypes.LongType, true).add("width", DataTypes.IntegerType, true).add("epochs", DataTypes.IntegerType, true);

    @Test
    void everyConfigurationEqualsTheLibrarysRunAndABadOneGetsItsError() {
        double[][] x = {{-2}, {-1}, {0}, {1}, {2}, {3}};
        double[] y = {1, 0, 0, 1, 0, 2};
        List<Row> configs = new ArrayList<>();
        int k = 0;
        for (double p : new double[] {0.5, 0.9}) {
            for (long seed : new long[] {1, 2}) {
                configs.add(RowFactory.create("run" + k++, p, 1e-3, seed, 20, 3000));
            }
        }
        configs.add(RowFactory.create("defaults", null, null, null, null, 2000));
        configs.add(RowFactory.create("no width", 0.5, 1e-3, 1L, 0, 100));
        List<Row> rows = TrainingSweeps.run(spark.createDataFrame(configs, CONFIGS), x, y).collectAsList();
        assertEquals(configs.size(), rows.size());
        UnivariateDataset data = UnivariateDataset.of(new double[] {-2, -1, 0, 1, 2, 3}, y);
        for (Row r : rows) {
            String label = r.getString(0);
            if (label.equals("no width")) {
                assertTrue(r.<String>getAs("error").contains("width"), r.toString());
                continue;
            }
            assertNull(r.getAs("error"), label);
            TrainedUnivariate own = new UnivariateTrainer(TrainingSweeps.config(r)).train(data);
            assertEquals(own.network().neurons(), (int) r.<Integer>getAs("neurons"), label);
            assertEquals(own.mseTrained(), r.<Double>getAs("mseTrained"), label);
            assertEquals(own.mseAfterPolish(), r.<Double>getAs("mse"), label);
        }
        TrainConfig defaults = TrainingSweeps.config(rows.stream().filter(r -> r.getString(0).equals("defaults")).findFirst().orElseThrow());
        assertEquals(TrainConfig.defaults().withThreads(1).withEpochs(2000).toString(), defaults.toString());
    }

    @Test
    void multivariateSweepsRunTheDdTrainer() {
        double[][] x = new double[30][2];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i][0] = (i % 6) - 2.5;
            x[i][1] = (i / 6) - 2.0;
            y[i] = Math.max(0, x[i][0] + x[i][1]) + 0.5 * x[i][0];
        }
        List<Row> configs = List.of(RowFactory.create("a", null, 0.01, 3L, 16, 1500), RowFactory.create("b", null, 0.05, 4L, 16, 1500));
        List<Row> rows = TrainingSweeps.run(spark.createDataFrame(configs, CONFIGS), x, y).collectAsList();
        for (Row r : rows) {
            assertNull(r.getAs("error"), r.toString());
            TrainedMultivariate own = new MultivariateTrainer(TrainingSweeps.config(r)).train(MultivariateDataset.samples(x, y));
            assertEquals(own.nonzeroParameters(), (int) r.<Integer>getAs("parameters"));
            assertEquals(own.mseAfterPolish(), r.<Double>getAs("mse"));
        }
    }

    @Test
    void nonNumericConfigurationColumnsAreRefused() {
        StructType bad = new StructType().add("p", DataTypes.StringType);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TrainingSweeps.run(spark.createDataFrame(List.of(RowFactory.create("0.5")), bad), new double[][] {{0}, {1}}, new double[] {0, 1}))
                .getMessage().contains("'p' must be numeric"));
    }
}
