package dev.sparsest.cli;

import dev.sparsest.data.GroupedCsv;
import dev.sparsest.data.NumericTable;
import dev.sparsest.exact.ChordPathSolver;
import dev.sparsest.exact.ExactSolution;
import dev.sparsest.exact.Penalty;
import dev.sparsest.json.Json;
import dev.sparsest.model.UnivariateNetwork;
import dev.sparsest.noisy.PenalizedFit;
import dev.sparsest.noisy.PenalizedSolver;
import dev.sparsest.noisy.TubeFit;
import dev.sparsest.noisy.TubeSolver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code fit --group-by}: one fit per group of a CSV file, on a fixed number of threads, written
 * as one CSV row or JSON line per group in the order the groups first appear. A group that cannot
 * be fitted (too few points, a bad number, repeated x in interpolation mode) gets its error in
 * its row; the others are fitted. Input sorted by group streams (memory: the groups in flight,
 * about two per thread); input in any other order is held in memory whole (said on stderr).
 *
 * <p>Each row carries the exact network: f(x) = anchorY + slope (x - anchorX) + sum_k
 * slopeChanges[k] relu(x - knots[k]); {@code rss} is the residual sum of squares over the group's
 * rows; {@code cost} is the objective of the mode (the penalty's path-norm cost for
 * interpolation, the fewest knots for a tube, RSS/2 + lambda * l1 path norm for --lambda).
 */
final class GroupedFit {
    static final String CSV_HEADER = "group,mode,rows,neurons,cost,rss,slope,anchorX,anchorY,knots,slopeChanges,error";

    /** How each group is fitted: one of the fit command's modes. */
    interface Mode {
        String name();

        /** The row's fields, or an exception whose message becomes the row's error. */
        Result fit(NumericTable group);
    }

    record Result(UnivariateNetwork network, double cost) {
    }

    static Mode interpolation(Penalty penalty, double tolerance) {
        ChordPathSolver solver = new ChordPathSolver(tolerance);
        return new Mode() {
            public String name() {
                return penalty.name();
            }

            public Result fit(NumericTable group) {
                ExactSolution s = solver.solve(group.toUnivariate(), penalty);
                return new Result(s.network(), s.cost());
            }
        };
    }

    /** The fewest knots inside a tube of half-width eps (NaN: a third value column per row). */
    static Mode tube(double eps) {
        return new Mode() {
            public String name() {
                return "tube";
            }

            public Result fit(NumericTable group) {
                TubeFit t = new TubeSolver().solve(group.toNoisyData(eps));
                return new Result(t.network(), t.minimumKnots());
            }
        };
    }

    static Mode penalized(double lambda) {
        return new Mode() {
            public String name() {
                return "lambda";
            }

            public Result fit(NumericTable group) {
                PenalizedFit p = new PenalizedSolver().solve(group.toNoisyData(0), lambda);
                return new Result(p.network(), p.objective());
            }
        };
    }

    /** What a run did, for the summary line. */
    record Summary(int groups, int errors, long rows, boolean streamed, double seconds) {
    }

    private final Mode mode;
    private final int threads;
    private final boolean json;

    GroupedFit(Mode mode, int threads, boolean json) {
        this.mode = mode;
        this.threads = threads;
        this.json = json;
    }

    /** Fits every group of {@code data} and writes the rows to {@code out} (not closed). */
    Summary run(Path data, String groupColumn, int values, OutputStream out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        boolean sorted = GroupedCsv.sortedByGroup(data, groupColumn);
        if (!sorted) {
            System.err.println("note: " + data + " is not sorted by " + groupColumn + "; all rows are held in memory."
                    + " Sort it by that column for memory bounded by the largest group.");
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (!json) {
            w.write(CSV_HEADER + "\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sparsest-group-fit");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Row>> inFlight = new ArrayDeque<>();
        int[] counts = new int[2];
        long[] rows = new long[1];
        try {
            GroupedCsv.Sink sink = g -> {
                counts[0]++;
                rows[0] += g.rows();
                inFlight.add(pool.submit(() -> row(g.parse()))); // parsed on the fitting threads
                while (inFlight.size() > 2 * threads) {
                    write(w, inFlight.poll(), counts);
                }
            };
            if (sorted) {
                GroupedCsv.streamSorted(data, groupColumn, values, sink);
            } else {
                GroupedCsv.readAll(data, groupColumn, values, sink);
            }
            while (!inFlight.isEmpty()) {
                write(w, inFlight.poll(), counts);
            }
        } finally {
            pool.shutdownNow();
        }
        w.flush();
        return new Summary(counts[0], counts[1], rows[0], sorted, (System.nanoTime() - t0) / 1e9);
    }

    /** One output line, and whether it reports an error. */
    record Row(String line, boolean error) {
    }

    private static void write(Writer w, Future<Row> pending, int[] counts) throws IOException, InterruptedException {
        Row row;
        try {
            row = pending.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a group's fit failed outside its row", e.getCause());
        }
        if (row.error()) {
            counts[1]++;
        }
        w.write(row.line());
        w.write('\n');
    }

    /** One group's output row; every failure of the group becomes its error field. */
    Row row(GroupedCsv.Group g) {
        if (g.error() != null) {
            return new Row(format(g, null, g.error()), true);
        }
        try {
            return new Row(format(g, mode.fit(g.table()), null), false);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Row(format(g, null, why.replace('\n', ' ').replace('\r', ' ')), true); // one line per group
        }
    }

    private String format(GroupedCsv.Group g, Result r, String error) {
        double rss = r == null ? Double.NaN : rss(g.table(), r.network());
        if (json) {
            StringBuilder sb = new StringBuilder("{\"group\": ").append(Json.quote(g.id()))
                    .append(", \"mode\": ").append(Json.quote(mode.name()))
                    .append(", \"rows\": ").append(g.rows());
            if (r != null) {
                UnivariateNetwork f = r.network();
                sb.append(", \"neurons\": ").append(f.neurons())
                        .append(", \"cost\": ").append(Json.number(r.cost()))
                        .append(", \"rss\": ").append(Json.number(rss))
                        .append(", \"slope\": ").append(Json.number(f.slope()))
                        .append(", \"anchorX\": ").append(Json.number(f.anchorX()))
                        .append(", \"anchorY\": ").append(Json.number(f.anchorY()))
                        .append(", \"knots\": ").append(jsonArray(f.knots()))
                        .append(", \"slopeChanges\": ").append(jsonArray(f.slopeChanges()));
            }
            sb.append(", \"error\": ").append(error == null ? "null" : Json.quote(error)).append('}');
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder(csvField(g.id())).append(',').append(mode.name()).append(',').append(g.rows());
        if (r == null) {
            sb.append(",,,,,,,,");
        } else {
            UnivariateNetwork f = r.network();
            sb.append(',').append(f.neurons()).append(',').append(r.cost()).append(',').append(rss)
                    .append(',').append(f.slope()).append(',').append(f.anchorX()).append(',').append(f.anchorY())
                    .append(',').append(spaced(f.knots())).append(',').append(spaced(f.slopeChanges()));
        }
        return sb.append(',').append(error == null ? "" : csvField(error)).toString();
    }

    private static double rss(NumericTable t, UnivariateNetwork f) {
        double[] x = t.column(0);
        double[] y = t.column(1);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = f.evaluate(x[i]) - y[i];
            s += r * r;
        }
        return s;
    }

    private static String jsonArray(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Json.number(v[i]));
        }
        return sb.append(']').toString();
    }

    /** Numbers separated by spaces in one CSV field (they round-trip: Java's shortest repr). */
    private static String spaced(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " ").append(v[i]);
        }
        return sb.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote, space or line break. */
    static String csvField(String s) {
        if (s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r' || c == ' ')) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static void checkOutputFolder(Path output) throws IOException {
        Path dir = output.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException("folder does not exist: " + dir);
        }
    }
}
