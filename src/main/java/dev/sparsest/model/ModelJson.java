package dev.sparsest.model;

import dev.sparsest.json.Json;
import dev.sparsest.json.JsonException;

import java.util.List;
import java.util.Map;

/** Reads any model file the library writes, parsing it once and dispatching on its "format". */
public final class ModelJson {
    private ModelJson() {
    }

    /** A model file: its network and the names of its inputs (empty when the file has none). */
    public record Model(Network network, List<String> inputs) {
    }

    /** The network in {@code json}: its "format" names the kind; a {@link JsonException} otherwise. */
    public static Network read(String json) {
        return network(object(json));
    }

    /** The network and its input names, from one parse. */
    public static Model readModel(String json) {
        Map<?, ?> obj = object(json);
        Network network = network(obj);
        return new Model(network, network instanceof MultivariateNetwork ? MultivariateJson.inputs(obj) : List.of());
    }

    private static Map<?, ?> object(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map)) {
            throw new JsonException("a network must be a JSON object");
        }
        return (Map<?, ?>) root;
    }

    private static Network network(Map<?, ?> obj) {
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
