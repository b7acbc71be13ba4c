package dev.sparsest.data;

/** How rows are named in error messages: array indices or CSV line numbers. */
interface RowLabels {
    String of(int row);

    static RowLabels indices() {
        return row -> "index " + row;
    }

    static RowLabels lines(String source, int[] lineNumbers) {
        return row -> source + " line " + lineNumbers[row];
    }
}
