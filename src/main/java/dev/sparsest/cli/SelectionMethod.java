package dev.sparsest.cli;

import dev.sparsest.train.LambdaSelection;
import picocli.CommandLine;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code --select cv[:K] | holdout[:FRACTION] | none}: how {@code train} chooses lambda for d-D
 * data (empty: none, train at {@code --lambda}).
 */
final class SelectionMethod implements CommandLine.ITypeConverter<SelectionMethod.Choice> {
    /** The parsed option: a method, or none (picocli gives an absent option null, never this). */
    record Choice(Optional<LambdaSelection.Method> method) {
    }

    static final int DEFAULT_FOLDS = 5;
    static final double DEFAULT_HOLDOUT = 0.2;

    @Override
    public Choice convert(String text) {
        return new Choice(parse(text));
    }

    private static Optional<LambdaSelection.Method> parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1);
        try {
            switch (name) {
                case "none":
                    if (arg != null) {
                        break;
                    }
                    return Optional.empty();
                case "cv":
                    return Optional.of(new LambdaSelection.CrossValidation(arg == null ? DEFAULT_FOLDS : Integer.parseInt(arg)));
                case "holdout":
                    return Optional.of(new LambdaSelection.Holdout(arg == null ? DEFAULT_HOLDOUT : Double.parseDouble(arg)));
                default:
                    break;
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new CommandLine.TypeConversionException("--select " + text + ": " + e.getMessage()
                    + " (cv:K takes K >= 2 folds, holdout:F a fraction in (0, 1))");
        }
        throw new CommandLine.TypeConversionException("--select must be cv, cv:K, holdout, holdout:FRACTION or none: " + text);
    }

    /** How the method reads on the command line, e.g. {@code cv:5}. */
    static String describe(LambdaSelection.Method m) {
        return m instanceof LambdaSelection.CrossValidation cv ? "cv:" + cv.folds()
                : "holdout:" + ((LambdaSelection.Holdout) m).fraction();
    }
}
