package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NumericTable;
import dev.sparsest.model.ModelJson;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.model.Network;
import dev.sparsest.model.UnivariateNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "predict", description = "Evaluate a saved network at points; one prediction per line.",
        mixinStandardHelpOptions = true)
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "a network written by fit -o")
    Path model;

    @Parameters(index = "1", paramLabel = "POINTS.csv", description = "1-D: x in the first column; d-D: the d input columns (a data file works too)")
    Path points;

    @Override
    public Integer call() throws Exception {
        String json = Files.readString(model, StandardCharsets.UTF_8);
        NumericTable table = CsvReader.read(points);
        Network network = ModelJson.read(json); // parsed once, whatever its kind
        if (network instanceof MultivariateNetwork multivariate) {
            return predictMultivariate(multivariate, table);
        }
        UnivariateNetwork f = (UnivariateNetwork) network;
        double[] xs = table.column(0);
        for (int r = 0; r < xs.length; r++) {
            if (!Double.isFinite(xs[r])) {
                throw new InvalidDataException(points + " line " + table.line(r) + ": non-finite x " + xs[r]);
            }
        }
        double[] ys = new double[xs.length];
        f.evaluate(xs, ys);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (double y : ys) {
            out.write(Double.toString(y));
            out.write('\n');
        }
        out.flush();
        return 0;
    }

    /** d input columns per row (a data file's extra target column is ignored). */
    private int predictMultivariate(MultivariateNetwork f, NumericTable table) throws java.io.IOException {
        int d = f.dimension();
        if (table.columnCount() < d) {
            throw new InvalidDataException(points + ": the model takes " + d + " inputs, the file has "
                    + table.columnCount() + " columns");
        }
        double[][] cols = new double[d][];
        for (int t = 0; t < d; t++) {
            cols[t] = table.column(t);
        }
        double[] row = new double[d];
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (int r = 0; r < table.rowCount(); r++) {
            for (int t = 0; t < d; t++) {
                row[t] = cols[t][r];
                if (!Double.isFinite(row[t])) {
                    throw new InvalidDataException(points + " line " + table.line(r) + ": non-finite input " + row[t]);
                }
            }
            out.write(Double.toString(f.evaluate(row, 0)));
            out.write('\n');
        }
        out.flush();
        return 0;
    }
}
