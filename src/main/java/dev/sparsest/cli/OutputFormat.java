package dev.sparsest.cli;

/** How results are printed. */
enum OutputFormat {
    table, json
}
