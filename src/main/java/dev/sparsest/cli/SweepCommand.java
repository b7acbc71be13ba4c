package dev.sparsest.cli;

import dev.sparsest.data.CsvReader;
import dev.sparsest.data.InvalidDataException;
import dev.sparsest.data.NumericTable;
import dev.sparsest.json.Json;
import dev.sparsest.train.Sweep;
import dev.sparsest.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sweep", description = {"Train once per row of CONFIGS.csv on the same data, the runs spread over the cores;",
        "one result row per configuration (CSV, or JSON lines with --format json)."},
        sortOptions = false, mixinStandardHelpOptions = true)
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA.csv", description = "inputs then the target, one row per sample (as for train)")
    Path data;

    @Parameters(index = "1", paramLabel = "CONFIGS.csv", description = "a header naming some of p, lambda, lr, epochs, width, seed; "
            + "one configuration per row (settings left out take train's defaults)")
    Path configs;

    @Option(names = "--threads", paramLabel = "T", description = "runs at once, each single-threaded (default: the cores)")
    Integer threads;

    @Option(names = {"-o", "--output"}, paramLabel = "RESULTS.csv", description = "write the rows to a file (atomically) instead of stdout")
    Path output;

    @Mixin
    FormatOption formatOption;

    @Mixin
    VerboseOption verboseOption;

    static final String RESULT_COLUMNS = "neurons,parameters,mseTrained,mse,seconds,error";

    @Override
    public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1: " + t);
        }
        verboseOption.announceKernels();
        NumericTable table = CsvReader.read(data);
        if (table.columnCount() < 2) {
            throw new InvalidDataException(data + ": inputs and a target are needed, found " + table.columnCount() + " column");
        }
        double[][] inputs = new double[table.rowCount()][table.columnCount() - 1];
        for (int c = 0; c + 1 < table.columnCount(); c++) {
            double[] col = table.column(c);
            for (int i = 0; i < col.length; i++) {
                inputs[i][c] = col[i];
            }
        }
        double[] targets = table.column(table.columnCount() - 1);
        NumericTable grid = CsvReader.read(configs);
        List<String> names = grid.header();
        if (names.isEmpty()) {
            throw new InvalidDataException(configs + ": the first line must name the settings (" + String.join(", ", Sweep.SETTINGS) + ")");
        }
        for (String n : names) {
            if (!Sweep.SETTINGS.contains(n)) {
                throw new InvalidDataException(configs + ": column '" + n + "' is not a setting; use " + String.join(", ", Sweep.SETTINGS));
            }
        }
        List<TrainConfig> runs = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int r = 0; r < grid.rowCount(); r++) {
            Map<String, Double> settings = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                settings.put(names.get(c), grid.column(c)[r]);
            }
            try {
                runs.add(Sweep.config(settings));
                refused.add(null);
            } catch (IllegalArgumentException e) {
                runs.add(null);
                refused.add(configs + " line " + grid.line(r) + ": " + e.getMessage());
            }
        }
        List<TrainConfig> valid = runs.stream().filter(java.util.Objects::nonNull).toList();
        long t0 = System.nanoTime();
        List<Sweep.Outcome> done = Sweep.runAll(valid, inputs, targets, t);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder out = new StringBuilder();
        if (!formatOption.json()) {
            out.append(String.join(",", names)).append(',').append(RESULT_COLUMNS).append('\n');
        }
        int next = 0;
        int errors = 0;
        for (int r = 0; r < runs.size(); r++) {
            Sweep.Outcome o = runs.get(r) == null
                    ? new Sweep.Outcome(-1, -1, Double.NaN, Double.NaN, 0, refused.get(r)) : done.get(next++);
            errors += o.error() == null ? 0 : 1;
            out.append(formatOption.json() ? json(names, grid, r, o) : csv(names, grid, r, o)).append('\n');
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (output != null) {
            AtomicFiles.write(output, (OutputStream s) -> s.write(bytes));
        } else {
            System.out.write(bytes);
            System.out.flush();
        }
        System.err.printf("%d configuration(s), %d with errors, in %.2f s on %d thread(s)%s%n", runs.size(), errors, seconds, t,
                output == null ? "" : "; rows written to " + output);
        return 0;
    }

    private static String csv(List<String> names, NumericTable grid, int r, Sweep.Outcome o) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < names.size(); c++) {
            sb.append(setting(grid.column(c)[r])).append(',');
        }
        if (o.error() != null) {
            return sb.append(",,,,").append(o.seconds()).append(',').append(GroupedFit.csvField(o.error())).toString();
        }
        return sb.append(o.neurons()).append(',').append(o.parameters() < 0 ? "" : o.parameters()).append(',')
                .append(o.mseTrained()).append(',').append(o.mse()).append(',').append(o.seconds()).append(',').toString();
    }

    /** A setting as written: whole numbers without ".0", others as Java's shortest round-trip form. */
    private static String setting(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String json(List<String> names, NumericTable grid, int r, Sweep.Outcome o) {
        StringBuilder sb = new StringBuilder("{");
        for (int c = 0; c < names.size(); c++) {
            sb.append(Json.quote(names.get(c))).append(": ").append(Json.number(grid.column(c)[r])).append(", ");
        }
        if (o.error() == null) {
            sb.append("\"neurons\": ").append(o.neurons());
            if (o.parameters() >= 0) {
                sb.append(", \"parameters\": ").append(o.parameters());
            }
            sb.append(", \"mseTrained\": ").append(number(o.mseTrained())).append(", \"mse\": ").append(number(o.mse())).append(", ");
        }
        return sb.append("\"seconds\": ").append(Json.number(o.seconds())).append(", \"error\": ")
                .append(o.error() == null ? "null" : Json.quote(o.error())).append('}').toString();
    }

    /** Non-finite MSEs (a diverged run) as null: JSON has no NaN. */
    private static String number(double v) {
        return Double.isFinite(v) ? Json.number(v) : "null";
    }
}
