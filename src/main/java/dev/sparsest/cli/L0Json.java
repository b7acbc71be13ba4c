package dev.sparsest.cli;

import dev.sparsest.exact.multivariate.L0Certificate;
import dev.sparsest.json.JsonWriter;

/** The l0 search's answer as JSON members (shared by exact and certify). */
final class L0Json {
    private L0Json() {
    }

    static void fields(JsonWriter.Members o, L0Certificate c) {
        o.add("parameters", c.parameters()).add("neurons", c.neurons()).add("lowerBound", c.lowerBound())
                .add("gap", c.gap()).add("proved", c.proved()).add("stoppedByLimit", c.stoppedByLimit())
                .add("seconds", c.seconds()).add("incumbentSource", c.incumbentSource()).add("shapes", c.shapes())
                .add("nodes", c.nodes()).add("shapeSets", c.shapeSets()).add("linearPrograms", c.linearPrograms())
                .add("numericalRejects", c.numericalRejects());
    }
}
