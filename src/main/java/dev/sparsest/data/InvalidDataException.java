package dev.sparsest.data;

/**
 * Input data that cannot be used as it is: non-finite values, contradicting duplicates,
 * mismatched lengths, unparseable CSV lines. The message names the row (or line) and the values.
 */
public class InvalidDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }
}
