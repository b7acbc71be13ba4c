package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NumericTable;
import dev.sparsest.json.Json;
import dev.sparsest.model.ModelJson;
import dev.sparsest.model.MultivariateNetwork;
import dev.sparsest.model.Network;
import dev.sparsest.model.UnivariateNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "predict", description = "Evaluate a saved network at points; one prediction per line.",
        mixinStandardHelpOptions = true)
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "a network written by fit -o")
    Path model;

    @Parameters(index = "1", paramLabel = "POINTS.csv", description = "the model's inputs, one row per point (1-D: x; d-D: "
            + "the d input columns), or a data file as train reads it (the inputs, then the target, which is ignored); "
            + "- reads standard input")
    String points;

    @Override
    public Integer call() throws Exception {
        String json = Files.readString(model, StandardCharsets.UTF_8);
        NumericTable table = points.equals("-")
                ? CsvReader.read(new InputStreamReader(System.in, StandardCharsets.UTF_8), "standard input")
                : CsvReader.read(Path.of(points));
        ModelJson.Model file = ModelJson.readModel(json); // parsed once, whatever its kind
        Network network = file.network();
        if (network instanceof MultivariateNetwork multivariate) {
            return predictMultivariate(multivariate, table, inputColumns(file.inputs(), table, multivariate.dimension()));
        }
        inputColumns(List.of(), table, 1);
        UnivariateNetwork f = (UnivariateNetwork) network;
        double[] xs = table.column(0);
        for (int r = 0; r < xs.length; r++) {
            if (!Double.isFinite(xs[r])) {
                throw new InvalidDataException(source() + " line " + table.line(r) + ": non-finite x " + xs[r]);
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

    /**
     * The columns that hold the model's inputs, in the model's order. By name when the model
     * carries its inputs' names and the file has a header (then the file's order and extra
     * columns do not matter); otherwise by position: the inputs, or the inputs and a last target
     * column (a data file, as train reads it). Any other count is refused: columns in another
     * order or of another dataset would give predictions without a warning (an 11-column file
     * with y first, for a 10-input model, once did).
     */
    private int[] inputColumns(List<String> names, NumericTable table, int inputs) {
        if (!names.isEmpty() && !table.header().isEmpty()) {
            List<String> header = table.header();
            int[] at = new int[inputs];
            for (int t = 0; t < inputs; t++) {
                at[t] = header.indexOf(names.get(t));
                if (at[t] < 0 || header.lastIndexOf(names.get(t)) != at[t]) {
                    throw new InvalidDataException(source() + ": the model's input " + Json.quote(names.get(t))
                            + (at[t] < 0 ? " is not a column of its header " : " names two columns of its header ") + header);
                }
            }
            return at;
        }
        int columns = table.columnCount();
        if (columns != inputs && columns != inputs + 1) {
            throw new InvalidDataException(source() + ": the model takes " + inputs + (inputs == 1 ? " input" : " inputs")
                    + ", so the file needs " + inputs + (inputs == 1 ? " column" : " columns") + " (the inputs) or " + (inputs + 1)
                    + " (the inputs, then the target, as train reads data); it has " + columns);
        }
        int[] at = new int[inputs];
        for (int t = 0; t < inputs; t++) {
            at[t] = t;
        }
        return at;
    }

    private String source() {
        return points.equals("-") ? "standard input" : points;
    }

    /** The d inputs of each row, from the given columns. */
    private int predictMultivariate(MultivariateNetwork f, NumericTable table, int[] columns) throws java.io.IOException {
        int d = f.dimension();
        double[][] cols = new double[d][];
        for (int t = 0; t < d; t++) {
            cols[t] = table.column(columns[t]);
        }
        // every input checked before the first prediction is written: a bad row gives an error, not half an answer
        for (int r = 0; r < table.rowCount(); r++) {
            for (int t = 0; t < d; t++) {
                if (!Double.isFinite(cols[t][r])) {
                    throw new InvalidDataException(source() + " line " + table.line(r) + " column " + (columns[t] + 1)
                            + ": non-finite input " + cols[t][r]);
                }
            }
        }
        double[] row = new double[d];
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (int r = 0; r < table.rowCount(); r++) {
            for (int t = 0; t < d; t++) {
                row[t] = cols[t][r];
            }
            out.write(Double.toString(f.evaluate(row, 0)));
            out.write('\n');
        }
        out.flush();
        return 0;
    }
}
