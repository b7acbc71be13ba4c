package dev.sparsest.data;

import java.util.List;

/**
 * Numeric columns read from a CSV source, with the source line of every row (for messages).
 * Produced by {@link CsvReader}; turned into datasets by {@link #toUnivariate()}.
 */
public final class NumericTable {
    private final String source;
    private final List<String> header;
    private final double[][] columns;
    private final int[] lines;

    NumericTable(String source, List<String> header, double[][] columns, int[] lines) {
        this.source = source;
        this.header = header;
        this.columns = columns;
        this.lines = lines;
    }

    public String source() {
        return source;
    }

    /** Column names from the header line; empty when the source had no header. */
    public List<String> header() {
        return header;
    }

    public int columnCount() {
        return columns.length;
    }

    public int rowCount() {
        return lines.length;
    }

    /** A copy of column {@code c}. */
    public double[] column(int c) {
        return columns[c].clone();
    }

    /** The source line number (1-based) of row {@code r}. */
    public int line(int r) {
        return lines[r];
    }

    /** d input columns followed by the target column, as validated multivariate data. */
    public MultivariateDataset toMultivariate() {
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            cols[c] = columns[c].clone();
        }
        return MultivariateDataset.fromColumns(cols, source, lines, true);
    }

    /** The first d columns as inputs and the last as the target, every row kept ({@link MultivariateDataset#samples}). */
    public MultivariateDataset toMultivariateSamples() {
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            cols[c] = columns[c].clone();
        }
        return MultivariateDataset.fromColumns(cols, source, lines, false);
    }

    /** The two columns (x, y) as validated univariate data. */
    public UnivariateDataset toUnivariate() {
        if (columns.length != 2) {
            throw new InvalidDataException(source + ": expected 2 columns (x, y), found " + columns.length);
        }
        return UnivariateDataset.fromRows(columns[0].clone(), columns[1].clone(), source, lines);
    }

    /**
     * Noisy data: columns (x, y) with tolerance {@code eps} for every row, or (x, y, eps) with a
     * tolerance per row when {@code eps} is NaN.
     */
    public NoisyData toNoisyData(double eps) {
        if (Double.isNaN(eps)) {
            if (columns.length != 3) {
                throw new InvalidDataException(source + ": per-row tolerances need 3 columns (x, y, eps), found " + columns.length);
            }
            return NoisyData.fromRows(columns[0].clone(), columns[1].clone(), columns[2].clone(), source, lines);
        }
        if (columns.length != 2) {
            throw new InvalidDataException(source + ": expected 2 columns (x, y), found " + columns.length);
        }
        double[] e = new double[columns[0].length];
        java.util.Arrays.fill(e, eps);
        return NoisyData.fromRows(columns[0].clone(), columns[1].clone(), e, source, lines);
    }
}
