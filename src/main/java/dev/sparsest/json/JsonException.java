package dev.sparsest.json;

/** Malformed JSON, or JSON that does not have the expected shape; the message says where. */
public class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
