package dev.sparsest.cli;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.model.Standardization;
import dev.sparsest.model.MultivariateModel;
import dev.sparsest.train.TrainConfig;

import java.util.List;
import java.util.stream.Collectors;

/** Warnings on stderr about d-D data the affine model can train on but a user should know of. */
final class DataWarnings {
    private DataWarnings() {
    }

    /**
     * The constant input columns, by header name (or 1-based number), which get weight 0; and data
     * with no more rows than the affine part has coefficients, which it alone can interpolate.
     */
    static void warn(MultivariateDataset d, NumericTable table, TrainConfig config) {
        if (config.model() != MultivariateModel.AFFINE) {
            return;
        }
        if (d.size() <= d.dimension() + 1) {
            System.err.println("sparsest: warning: " + d.size() + " rows for " + d.dimension() + " inputs: the affine part's "
                    + (d.dimension() + 1) + " coefficients alone can fit every row, so no neuron is needed and held-out "
                    + "errors say little; more rows than inputs + 1 are needed for a meaningful fit");
        }
        List<Integer> constant = Standardization.of(d).constantColumns();
        if (!constant.isEmpty()) {
            String names = constant.stream().map(t -> table.header().isEmpty() ? "column " + (t + 1) : table.header().get(t))
                    .collect(Collectors.joining(", "));
            System.err.println("sparsest: warning: constant input column(s) " + names + ": they cannot help the fit and get weight 0");
        }
    }
}
