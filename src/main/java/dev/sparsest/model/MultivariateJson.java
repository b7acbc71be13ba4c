package dev.sparsest.model;

import dev.sparsest.json.Json;
import dev.sparsest.json.JsonException;
import dev.sparsest.json.JsonWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link MultivariateNetwork} (schema version 1):
 * <pre>
 * {
 *   "format": "sparsest-relu/multivariate",
 *   "version": 1,
 *   "d": 50,                      // inputs
 *   "neurons": 4,                 // rows of "weights" (checked on reading)
 *   "parameters": 23,             // nonzero products v_k w_ki and affine coefficients (informational)
 *   "weights": [[w_1, ..., w_d, bias], ...],
 *   "v": [v_1, ...],              // output weights
 *   "affine": [a_1, ..., a_d, c], // optional: the affine model's unpenalized a . x + c
 *   "inputs": ["age", ...]        // optional: the names of the d inputs, in order
 * }
 * </pre>
 * A file without "affine" is the paper's model (and reads as before this member existed).
 * Numbers round-trip exactly.
 */
public final class MultivariateJson {
    public static final String FORMAT = "sparsest-relu/multivariate";
    public static final int VERSION = 1;

    private MultivariateJson() {
    }

    /** The network as a JSON document. */
    public static String write(MultivariateNetwork f) {
        return JsonWriter.document(o -> fields(o, f));
    }

    /**
     * The network with the names of its d inputs (the training file's header), so that
     * {@code predict} can find them by name in a file whose columns are in another order.
     */
    public static String write(MultivariateNetwork f, List<String> inputs) {
        if (inputs.size() != f.dimension()) {
            throw new IllegalArgumentException(inputs.size() + " input names for " + f.dimension() + " inputs");
        }
        return JsonWriter.document(o -> {
            fields(o, f);
            o.addStrings("inputs", inputs);
        });
    }

    /**
     * The input names a model file carries ({@link #write(MultivariateNetwork, List)}), empty when
     * it has none.
     */
    public static List<String> inputs(Map<?, ?> obj) {
        Object names = obj.get("inputs");
        if (names == null) {
            return List.of();
        }
        List<?> list = list(names, "\"inputs\"");
        List<String> out = new ArrayList<>(list.size());
        for (Object name : list) {
            if (!(name instanceof String)) {
                throw new JsonException("\"inputs\" must hold names (strings), found " + name);
            }
            out.add((String) name);
        }
        if (obj.get("d") instanceof Double d && out.size() != d) {
            throw new JsonException("\"inputs\" names " + out.size() + " inputs but \"d\" is " + obj.get("d"));
        }
        return List.copyOf(out);
    }

    /** Adds the network's members to an object being written. */
    public static void fields(JsonWriter.Members o, MultivariateNetwork f) {
        int d = f.dimension();
        double[] w = f.weights();
        double[] v = f.outputWeights();
        List<double[]> rows = new ArrayList<>(v.length);
        for (int j = 0; j < v.length; j++) {
            rows.add(Arrays.copyOfRange(w, j * (d + 1), (j + 1) * (d + 1)));
        }
        o.add("format", FORMAT).add("version", VERSION).add("d", d).add("neurons", v.length)
                .add("parameters", f.nonzeroParameters(0)).addRows("weights", rows).addNumbers("v", v);
        if (f.hasAffinePart()) {
            o.addNumbers("affine", f.affinePart());
        }
    }

    public static MultivariateNetwork read(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map)) {
            throw new JsonException("a network must be a JSON object");
        }
        return read((Map<?, ?>) root);
    }

    /** Reads a network from a parsed JSON object ({@link ModelJson} parses once for every kind). */
    static MultivariateNetwork read(Map<?, ?> obj) {
        if (!FORMAT.equals(obj.get("format"))) {
            throw new JsonException("\"format\" must be \"" + FORMAT + "\"");
        }
        if (!Double.valueOf(VERSION).equals(obj.get("version"))) {
            throw new JsonException("unsupported \"version\": " + obj.get("version"));
        }
        if (!(obj.get("d") instanceof Double) || (Double) obj.get("d") < 1 || (Double) obj.get("d") != Math.rint((Double) obj.get("d"))) {
            throw new JsonException("\"d\" must be a positive integer, found " + obj.get("d"));
        }
        int d = (int) (double) (Double) obj.get("d");
        List<?> rows = list(obj.get("weights"), "\"weights\"");
        List<?> vs = list(obj.get("v"), "\"v\"");
        if (rows.size() != vs.size()) {
            throw new JsonException("\"weights\" has " + rows.size() + " rows but \"v\" has " + vs.size() + " entries");
        }
        double[] w = new double[rows.size() * (d + 1)];
        double[] v = new double[vs.size()];
        for (int j = 0; j < rows.size(); j++) {
            List<?> row = list(rows.get(j), "weights row " + j);
            if (row.size() != d + 1) {
                throw new JsonException("weights row " + j + " must have d + 1 = " + (d + 1) + " numbers, found " + row.size());
            }
            for (int t = 0; t <= d; t++) {
                w[j * (d + 1) + t] = number(row.get(t), "weights row " + j);
            }
            v[j] = number(vs.get(j), "\"v\"");
        }
        if (obj.containsKey("neurons") && !Double.valueOf(v.length).equals(obj.get("neurons"))) {
            throw new JsonException("\"neurons\" is " + obj.get("neurons") + " but there are " + v.length + " rows");
        }
        double[] affine = new double[0];
        if (obj.containsKey("affine")) {
            List<?> a = list(obj.get("affine"), "\"affine\"");
            if (a.size() != d + 1) {
                throw new JsonException("\"affine\" must have d + 1 = " + (d + 1) + " numbers (a_1 .. a_d, then c), found " + a.size());
            }
            affine = new double[d + 1];
            for (int t = 0; t <= d; t++) {
                affine[t] = number(a.get(t), "\"affine\"");
            }
        }
        try {
            return new MultivariateNetwork(w, v, affine, d);
        } catch (IllegalArgumentException e) {
            throw new JsonException("invalid network: " + e.getMessage());
        }
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List)) {
            throw new JsonException(what + " must be an array");
        }
        return (List<?>) o;
    }

    private static double number(Object o, String what) {
        if (!(o instanceof Double)) {
            throw new JsonException(what + " must hold numbers, found " + o);
        }
        return (Double) o;
    }
}
