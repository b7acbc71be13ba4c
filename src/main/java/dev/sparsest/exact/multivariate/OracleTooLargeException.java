package dev.sparsest.exact.multivariate;

/** The instance is beyond what exact enumeration does in reasonable time; the message says the limit. */
public final class OracleTooLargeException extends IllegalArgumentException {
    OracleTooLargeException(String message) {
        super(message);
    }
}
