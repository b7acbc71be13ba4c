package dev.sparsest.cli;

import picocli.CommandLine.Option;

/** The shared {@code --format table|json} option (a picocli mixin). */
final class FormatOption {
    @Option(names = "--format", paramLabel = "table|json", description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.table;

    boolean json() {
        return format == OutputFormat.json;
    }
}
