package dev.sparsest.cli;

import dev.sparsest.exact.Penalty;
import picocli.CommandLine.Option;

/** --p P | --l0 | --l1 (mutually exclusive; l0 when none is given). */
final class PenaltyOptions {
    @Option(names = "--p", paramLabel = "P", description = "minimize the l^p path norm, 0 < P < 1")
    Double p;

    @Option(names = "--l0", description = "fewest neurons (the default)")
    boolean l0;

    @Option(names = "--l1", description = "least l1 path norm (the sparsest of its optima)")
    boolean l1;

    Penalty penalty() {
        if (p != null) {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("--p must be strictly between 0 and 1 (use --l0 or --l1 for the ends): " + p);
            }
            return Penalty.lp(p);
        }
        return l1 ? Penalty.l1() : Penalty.l0();
    }
}
