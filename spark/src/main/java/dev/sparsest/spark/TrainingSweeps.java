package dev.sparsest.spark;

import dev.sparsest.train.Sweep;
import dev.sparsest.train.TrainConfig;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sweep of the trainer on Spark ({@link Sweep} spread over executors): one training run per row
 * of a DataFrame of configurations, all on one dataset (broadcast to the executors once), one
 * result row per configuration. Configuration
 * columns it reads, each optional (missing or null: {@link TrainConfig#defaults()}): {@code p},
 * {@code lambda}, {@code lr}, {@code epochs}, {@code width}, {@code seed}; other columns (labels)
 * pass through. Results add {@code neurons}, {@code parameters} (d-D: the nonzero count),
 * {@code mseTrained}, {@code mse} (after the post-processing), {@code seconds} and {@code error}
 * (a configuration the trainer refuses gets its message and the others run).
 *
 * <p>Each run is single-threaded and seeded, so a row equals the library's own run of its
 * configuration with {@code withThreads(1)} bit for bit, wherever Spark runs it. 1-D data (one
 * input column) trains the univariate network on interpolation data (distinct x); more columns
 * the d-D trainer (its default affine model) on samples.
 */
public final class TrainingSweeps {
    private TrainingSweeps() {
    }

    /** The inputs as rows (n x d) and the targets; d = 1 trains the univariate network. */
    public static Dataset<Row> run(Dataset<Row> configs, double[][] inputs, double[] targets) {
        if (inputs.length != targets.length || inputs.length == 0) {
            throw new IllegalArgumentException("inputs and targets: " + inputs.length + " rows against " + targets.length);
        }
        for (StructField f : configs.schema().fields()) {
            if (Sweep.SETTINGS.contains(f.name()) && !(f.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("configuration column '" + f.name() + "' must be numeric, not " + f.dataType());
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(configs.sparkSession().sparkContext());
        Broadcast<Data> data = jsc.broadcast(new Data(inputs, targets));
        StructType schema = configs.schema()
                .add("neurons", DataTypes.IntegerType, true)
                .add("parameters", DataTypes.IntegerType, true)
                .add("mseTrained", DataTypes.DoubleType, true)
                .add("mse", DataTypes.DoubleType, true)
                .add("seconds", DataTypes.DoubleType, true)
                .add("error", DataTypes.StringType, true);
        return configs.map((MapFunction<Row, Row>) c -> train(c, data.value()), Encoders.row(schema));
    }

    /** The dataset as shipped to the executors. */
    static final class Data implements Serializable {
        private static final long serialVersionUID = 1L;
        final double[][] inputs;
        final double[] targets;

        Data(double[][] inputs, double[] targets) {
            this.inputs = inputs;
            this.targets = targets;
        }
    }

    /** The configuration a row describes ({@link Sweep#config}: single-threaded). */
    static TrainConfig config(Row c) {
        Map<String, Double> settings = new LinkedHashMap<>();
        String[] names = c.schema().fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (Sweep.SETTINGS.contains(names[i]) && !c.isNullAt(i)) {
                settings.put(names[i], ((Number) c.get(i)).doubleValue());
            }
        }
        return Sweep.config(settings);
    }

    static Row train(Row c, Data data) {
        Object[] out = new Object[c.size() + 6];
        for (int i = 0; i < c.size(); i++) {
            out[i] = c.get(i);
        }
        int at = c.size();
        Sweep.Outcome o;
        try {
            o = Sweep.run(config(c), data.inputs, data.targets);
        } catch (IllegalArgumentException e) {
            o = new Sweep.Outcome(-1, -1, Double.NaN, Double.NaN, 0, e.getMessage());
        }
        if (o.error() == null) {
            out[at] = o.neurons();
            out[at + 1] = o.parameters() < 0 ? null : o.parameters();
            out[at + 2] = o.mseTrained();
            out[at + 3] = o.mse();
        }
        out[at + 4] = o.seconds();
        out[at + 5] = o.error();
        return RowFactory.create(out);
    }
}
