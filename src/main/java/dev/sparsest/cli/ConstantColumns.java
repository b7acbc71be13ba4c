package dev.sparsest.cli;

import dev.sparsest.data.MultivariateDataset;
import dev.sparsest.data.NumericTable;
import dev.sparsest.model.Standardization;
import dev.sparsest.train.MultivariateModel;
import dev.sparsest.train.TrainConfig;

import java.util.List;
import java.util.stream.Collectors;

/** The warning for constant input columns, which the affine model's standardization sets aside. */
final class ConstantColumns {
    private ConstantColumns() {
    }

    /** On stderr, by header name (or 1-based number): the constant input columns, which get weight 0. */
    static void warn(MultivariateDataset d, NumericTable table, TrainConfig config) {
        if (config.model() != MultivariateModel.AFFINE) {
            return;
        }
        List<Integer> constant = Standardization.of(d).constantColumns();
        if (!constant.isEmpty()) {
            String names = constant.stream().map(t -> table.header().isEmpty() ? "column " + (t + 1) : table.header().get(t))
                    .collect(Collectors.joining(", "));
            System.err.println("sparsest: warning: constant input column(s) " + names + ": they cannot help the fit and get weight 0");
        }
    }
}
