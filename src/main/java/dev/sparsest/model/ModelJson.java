package dev.sparsest.model;

import dev.sparsest.json.Json;
import dev.sparsest.json.JsonException;

import java.util.Map;

/** Reads any model file the library writes, parsing it once and dispatching on its "format". */
public final class ModelJson {
    private ModelJson() {
    }

    /** The network in {@code json}: its "format" names the kind; a {@link JsonException} otherwise. */
    public static Network read(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map)) {
            throw new JsonException("a network must be a JSON object");
        }
        Map<?, ?> obj = (Map<?, ?>) root;
        Object format = obj.get("format");
        if (UnivariateJson.FORMAT.equals(format)) {
            return UnivariateJson.read(obj);
        }
        if (MultivariateJson.FORMAT.equals(format)) {
            return MultivariateJson.read(obj);
        }
        throw new JsonException("\"format\" must be \"" + UnivariateJson.FORMAT + "\" or \"" + MultivariateJson.FORMAT
                + "\", found " + (format instanceof String ? Json.quote((String) format) : String.valueOf(format)));
    }
}
