package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NumericTable;
import dev.sparsest.model.NetworkJson;
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

    @Parameters(index = "1", paramLabel = "POINTS.csv", description = "x values in the first column (a data file works too)")
    Path points;

    @Override
    public Integer call() throws Exception {
        UnivariateNetwork f = NetworkJson.read(Files.readString(model, StandardCharsets.UTF_8));
        NumericTable table = CsvReader.read(points);
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
}
