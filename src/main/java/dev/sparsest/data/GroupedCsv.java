package dev.sparsest.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV with a group column (any text) beside numeric value columns, read one group at a time, in
 * the grammar of {@link CsvReader}. The value columns are the first {@code values} columns other
 * than the group column, in file order (x, y, and a per-row tolerance when asked for); further
 * columns are ignored. A row that breaks a group (a field that is not a number) becomes that
 * group's error, named by file, line and column, and the other groups are unaffected; a row
 * whose group cannot be told (its group field empty or missing) stops the read with its line.
 *
 * <p>{@link #streamSorted} keeps one group in memory (input sorted by group: each group's rows
 * together) and leaves its lines unparsed, so that parsing runs on the threads that fit
 * ({@link RawGroup#parse}); {@link #readAll} holds the whole file, parsed as it is read, for
 * input in any order. {@link #sortedByGroup} tells which applies, reading the group field only.
 */
public final class GroupedCsv {
    private GroupedCsv() {
    }

    /** One group: its values as a table (errors in its rows name their lines), or why it has none. */
    public record Group(String id, int rows, NumericTable table, String error) {
    }

    /** A group as read: its lines, parsed by {@link #parse} on any thread (once). */
    public static final class RawGroup {
        private final Builder builder;

        private RawGroup(Builder builder) {
            this.builder = builder;
        }

        public String id() {
            return builder.id;
        }

        public int rows() {
            return builder.rows;
        }

        public Group parse() {
            return builder.build();
        }
    }

    /** Receives the groups in order of first appearance. */
    @FunctionalInterface
    public interface Sink {
        void accept(RawGroup group) throws IOException, InterruptedException;
    }

    /** Whether the rows of each group are contiguous in the file. */
    public static boolean sortedByGroup(Path path, String groupColumn) throws IOException, InterruptedException {
        Set<String> closed = new HashSet<>();
        String[] current = {null};
        boolean[] sorted = {true};
        scan(path, groupColumn, 2, new Layout(), (id, line, content) -> {
            if (!id.equals(current[0])) {
                if (current[0] != null) {
                    closed.add(current[0]);
                }
                if (closed.contains(id)) {
                    sorted[0] = false;
                    return false;
                }
                current[0] = id;
            }
            return true;
        });
        return sorted[0];
    }

    /** Groups of a file sorted by group, each passed on unparsed as soon as its last row is read. */
    public static void streamSorted(Path path, String groupColumn, int values, Sink sink) throws IOException, InterruptedException {
        Builder[] current = {null};
        Layout layout = new Layout();
        scan(path, groupColumn, values, layout, (id, line, content) -> {
            if (current[0] != null && !current[0].id.equals(id)) {
                sink.accept(new RawGroup(current[0]));
                current[0] = null;
            }
            if (current[0] == null) {
                current[0] = new Builder(path.toString(), id, layout);
            }
            current[0].keep(line, content);
            return true;
        });
        if (current[0] != null) {
            sink.accept(new RawGroup(current[0]));
        }
    }

    /** Groups of a file in any order, parsed as read, passed on after the whole file, in order of first appearance. */
    public static void readAll(Path path, String groupColumn, int values, Sink sink) throws IOException, InterruptedException {
        Map<String, Builder> groups = new LinkedHashMap<>();
        Layout layout = new Layout();
        scan(path, groupColumn, values, layout, (id, line, content) -> {
            groups.computeIfAbsent(id, g -> new Builder(path.toString(), g, layout)).add(line, content);
            return true;
        });
        for (Builder b : groups.values()) {
            sink.accept(new RawGroup(b));
        }
    }

    /** One data row: its group, line number and text; false stops the scan. */
    private interface RowVisitor {
        boolean visit(String id, int line, String content) throws IOException, InterruptedException;
    }

    /**
     * Reads the header (or first row) for the layout, then passes every data row on with its group,
     * found without splitting the rest of the row; the value columns go into {@code layout}.
     */
    private static void scan(Path path, String groupColumn, int values, Layout layout, RowVisitor visitor)
            throws IOException, InterruptedException {
        String source = path.toString();
        List<String> tokens = new ArrayList<>();
        int group = -1;
        int columns = -1;
        try (BufferedReader in = CsvReader.utf8Lines(path)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                if (group < 0) {
                    CsvReader.split(content, tokens, source, lineNo);
                    boolean header = CsvReader.noneNumeric(tokens);
                    columns = tokens.size();
                    group = groupIndex(groupColumn, header ? CsvReader.headerNames(tokens) : List.of(), columns, source);
                    layout.valueColumns = valueColumns(group, columns, values, source);
                    if (header) {
                        continue;
                    }
                }
                String id = field(content, group);
                if (id == null) {
                    throw new InvalidDataException(source + " line " + lineNo + ": no group in column " + (group + 1)
                            + " (empty, or the row is short); rows need " + columns + " fields");
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("reading " + source + " interrupted at line " + lineNo);
                }
                if (!visitor.visit(id, lineNo, content)) {
                    break;
                }
            }
        }
        if (group < 0) {
            throw new InvalidDataException(source + ": no data rows");
        }
    }

    /** Where the value columns are, known once the first line is read. */
    private static final class Layout {
        int[] valueColumns;
    }

    /** Field {@code index} of a row, stripped, as {@link CsvReader} splits it; null when missing or empty. */
    private static String field(String content, int index) {
        if (content.indexOf(',') >= 0) {
            int start = 0;
            for (int k = 0; k < index; k++) {
                int comma = content.indexOf(',', start);
                if (comma < 0) {
                    return null;
                }
                start = comma + 1;
            }
            int end = content.indexOf(',', start);
            String t = (end < 0 ? content.substring(start) : content.substring(start, end)).strip();
            return t.isEmpty() ? null : t;
        }
        int i = 0;
        int n = content.length();
        for (int k = 0; ; k++) {
            while (i < n && Character.isWhitespace(content.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && !Character.isWhitespace(content.charAt(i))) {
                i++;
            }
            if (i == s) {
                return null;
            }
            if (k == index) {
                return content.substring(s, i);
            }
        }
    }

    private static boolean isIndex(String column, int count) {
        try {
            int c = Integer.parseInt(column);
            return c >= 1 && c <= count;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The group column: a header name, or a 1-based index. */
    private static int groupIndex(String column, List<String> header, int columns, String source) {
        int named = header.indexOf(column);
        if (named >= 0) {
            return named;
        }
        if (isIndex(column, columns)) {
            return Integer.parseInt(column) - 1;
        }
        throw new InvalidDataException(source + ": --group-by " + column + " names no column"
                + (header.isEmpty() ? " (no header line; give a column number from 1 to " + columns + ")"
                : "; the header has " + String.join(", ", header) + " (or give a column number from 1 to " + columns + ")"));
    }

    private static int[] valueColumns(int group, int columns, int values, String source) {
        if (columns - 1 < values) {
            throw new InvalidDataException(source + ": " + columns + " columns, but the group column and "
                    + values + " value columns (x, y" + (values > 2 ? ", eps" : "") + ") are needed");
        }
        int[] v = new int[values];
        for (int c = 0, k = 0; k < values; c++) {
            if (c != group) {
                v[k++] = c;
            }
        }
        return v;
    }

    /**
     * One group's rows: kept as text to parse later ({@link #keep}) or parsed as they arrive
     * ({@link #add}); the first bad row becomes the group's error, the rest are only counted.
     */
    private static final class Builder {
        final String source;
        final String id;
        final Layout layout;
        final List<String> text = new ArrayList<>();
        int[] textLines = new int[4];
        double[][] cols;
        int[] lines = new int[16];
        int rows;
        int parsed;
        String error;

        Builder(String source, String id, Layout layout) {
            this.source = source;
            this.id = id;
            this.layout = layout;
        }

        void keep(int line, String content) {
            if (rows == textLines.length) {
                textLines = Arrays.copyOf(textLines, 2 * rows);
            }
            textLines[rows++] = line;
            text.add(content);
        }

        void add(int line, String content) {
            rows++;
            parse(line, content, new ArrayList<>(layout.valueColumns.length + 1));
        }

        private void parse(int line, String content, List<String> tokens) {
            if (error != null) {
                return;
            }
            try {
                CsvReader.split(content, tokens, source, line);
            } catch (InvalidDataException e) {
                error = e.getMessage();
                return;
            }
            int[] valueColumns = layout.valueColumns;
            int last = valueColumns[valueColumns.length - 1];
            if (tokens.size() <= last) {
                error = source + " line " + line + ": " + tokens.size() + " fields, column " + (last + 1) + " missing";
                return;
            }
            if (cols == null) {
                cols = new double[valueColumns.length][16];
            }
            int r = parsed;
            if (r == lines.length) {
                lines = Arrays.copyOf(lines, 2 * r);
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = Arrays.copyOf(cols[c], 2 * r);
                }
            }
            for (int c = 0; c < cols.length; c++) {
                String t = tokens.get(valueColumns[c]);
                if (!NumberSyntax.isNumber(t)) {
                    error = source + " line " + line + ", column " + (valueColumns[c] + 1) + ": not a number: '" + t + "'";
                    return;
                }
                cols[c][r] = NumberSyntax.parse(t);
            }
            lines[r] = line;
            parsed++;
        }

        Group build() {
            List<String> tokens = new ArrayList<>();
            for (int k = 0; k < text.size(); k++) {
                parse(textLines[k], text.get(k), tokens);
            }
            text.clear();
            if (error != null) {
                return new Group(id, rows, null, error);
            }
            double[][] exact = new double[cols.length][];
            for (int c = 0; c < cols.length; c++) {
                exact[c] = Arrays.copyOf(cols[c], parsed);
            }
            return new Group(id, rows, new NumericTable(source + " (group " + id + ")", List.of(), exact, Arrays.copyOf(lines, parsed)), null);
        }
    }
}
