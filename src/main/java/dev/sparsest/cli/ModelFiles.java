package dev.sparsest.cli;

import dev.sparsest.data.NumericTable;
import dev.sparsest.model.MultivariateJson;
import dev.sparsest.model.MultivariateNetwork;

import java.util.List;

/** Model files as the commands write them: a d-D network carries its inputs' names when the data had a header. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** The network's JSON, with the first d header names of the data it came from (if any). */
    static String multivariate(MultivariateNetwork f, NumericTable data) {
        List<String> names = inputs(f, data);
        return names.isEmpty() ? MultivariateJson.write(f) : MultivariateJson.write(f, names);
    }

    /** The first d header names of the data (empty without a header). */
    static List<String> inputs(MultivariateNetwork f, NumericTable data) {
        return data.header().isEmpty() ? List.of() : data.header().subList(0, f.dimension());
    }
}
