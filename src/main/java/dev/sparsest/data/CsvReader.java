package dev.sparsest.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming reader of numeric CSV: comma or whitespace separated, {@code #} starts a comment,
 * blank lines skipped, an optional header as the first content line. Every row must have the
 * column count of the first. Numbers follow the decimal grammar ({@code -1.5e-3}); {@code nan} and
 * {@code inf} are read so that validation can name them. Anything else fails with the line number.
 *
 * <p>Memory is bounded by the parsed numbers themselves: lines are not kept.
 */
public final class CsvReader {
    private CsvReader() {
    }

    public static NumericTable read(Path path) throws IOException {
        try (BufferedReader in = utf8Lines(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * The file's lines as UTF-8, bytes that are not UTF-8 replaced by U+FFFD: a field holding one
     * is then "not a number" at its line and column, where a strict decoder fails a whole buffer
     * ahead with no line to name.
     */
    static BufferedReader utf8Lines(Path path) throws IOException {
        return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8));
    }

    public static NumericTable parse(String text, String source) {
        try {
            return read(new BufferedReader(new StringReader(text)), source);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    public static NumericTable read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        List<String> header = List.of();
        double[][] cols = null;
        int[] lines = new int[16];
        int rows = 0;
        int lineNo = 0;
        List<String> tokens = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // byte order mark
            }
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            split(content, tokens, source, lineNo);
            if (cols == null) {
                if (header.isEmpty() && noneNumeric(tokens)) {
                    header = headerNames(tokens); // a header names every column, no numbers in it
                    continue;
                }
                if (!header.isEmpty() && header.size() != tokens.size()) {
                    throw new InvalidDataException(source + " line " + lineNo + ": " + tokens.size()
                            + " values, but the header has " + header.size() + " columns");
                }
                cols = new double[tokens.size()][16];
            }
            if (tokens.size() != cols.length) {
                throw new InvalidDataException(source + " line " + lineNo + ": " + tokens.size()
                        + " values where earlier rows have " + cols.length + ": '" + content + "'");
            }
            if (rows == lines.length) {
                int cap = rows * 2;
                lines = Arrays.copyOf(lines, cap);
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = Arrays.copyOf(cols[c], cap);
                }
            }
            for (int c = 0; c < cols.length; c++) {
                String t = tokens.get(c);
                if (!NumberSyntax.isNumber(t)) {
                    throw new InvalidDataException(source + " line " + lineNo + ", column " + (c + 1)
                            + ": not a number: '" + t + "'");
                }
                cols[c][rows] = NumberSyntax.parse(t);
            }
            lines[rows++] = lineNo;
        }
        if (cols == null) {
            throw new InvalidDataException(source + ": no data rows");
        }
        for (int c = 0; c < cols.length; c++) {
            cols[c] = Arrays.copyOf(cols[c], rows);
        }
        return new NumericTable(source, header, cols, Arrays.copyOf(lines, rows));
    }

    static boolean noneNumeric(List<String> tokens) {
        for (String t : tokens) {
            if (NumberSyntax.isNumber(t)) {
                return false;
            }
        }
        return true;
    }

    /** Comma separated when the line has a comma, else whitespace separated. */
    /** Header tokens as names: a name in double quotes (as R and pandas write them) loses its quotes. */
    static List<String> headerNames(List<String> tokens) {
        List<String> names = new java.util.ArrayList<>(tokens.size());
        for (String t : tokens) {
            names.add(t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"' ? t.substring(1, t.length() - 1) : t);
        }
        return List.copyOf(names);
    }

    static void split(String content, List<String> out, String source, int lineNo) {
        out.clear();
        if (content.indexOf(',') >= 0) {
            int start = 0;
            while (true) {
                int comma = content.indexOf(',', start);
                String t = (comma < 0 ? content.substring(start) : content.substring(start, comma)).strip();
                if (t.isEmpty()) {
                    throw new InvalidDataException(source + " line " + lineNo + ": empty field in '" + content + "'");
                }
                out.add(t);
                if (comma < 0) {
                    return;
                }
                start = comma + 1;
            }
        }
        int i = 0;
        int n = content.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(content.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && !Character.isWhitespace(content.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(content.substring(s, i));
            }
        }
    }
}
