package dev.sparsest.model;

import dev.sparsest.json.Json;
import dev.sparsest.json.JsonException;
import dev.sparsest.json.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link UnivariateNetwork} (schema version 1):
 * <pre>
 * {
 *   "format": "sparsest-relu/univariate",
 *   "version": 1,
 *   "neurons": 3,                      // number of knots (checked on reading)
 *   "slope": 0.0,                      // slope left of the first knot (skip term a)
 *   "intercept": 0.0,                  // that line's value at x = 0 (skip term c)
 *   "anchor": [-2.0, 0.0],             // a point (x0, y0) on that line; exact, preferred on reading
 *   "knots": [[-1.0, 1.0], ...],       // [u_k, c_k]: knot and slope change, u increasing
 *   ...                                 // further keys (a fit's certificate) are written by callers, ignored on reading
 * }
 * </pre>
 * Numbers are written so they parse back to the same bits: JSON to model to JSON is exact.
 */
public final class UnivariateJson {
    public static final String FORMAT = "sparsest-relu/univariate";
    public static final int VERSION = 1;

    private UnivariateJson() {
    }

    /** Adds the network's members to an object being written (callers add a fit's certificate after them). */
    public static void fields(JsonWriter.Members o, UnivariateNetwork net) {
        o.add("format", FORMAT).add("version", VERSION).add("neurons", net.neurons()).add("slope", net.slope());
        if (Double.isFinite(net.intercept())) { // overflows for a line far from x = 0; the anchor defines it
            o.add("intercept", net.intercept());
        }
        o.addNumbers("anchor", net.anchorX(), net.anchorY());
        List<double[]> knots = new ArrayList<>(net.neurons());
        for (int k = 0; k < net.neurons(); k++) {
            knots.add(new double[] {net.knot(k), net.slopeChange(k)});
        }
        o.addRows("knots", knots);
    }

    /** The network as a JSON document. */
    public static String write(UnivariateNetwork net) {
        return JsonWriter.document(o -> fields(o, net));
    }

    /** Reads a network; malformed JSON or a wrong shape gives a {@link JsonException}. */
    public static UnivariateNetwork read(String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map)) {
            throw new JsonException("a network must be a JSON object");
        }
        return read((Map<?, ?>) root);
    }

    /** Reads a network from a parsed JSON object ({@link ModelJson} parses once for every kind). */
    static UnivariateNetwork read(Map<?, ?> obj) {
        Object format = obj.get("format");
        if (!FORMAT.equals(format)) {
            throw new JsonException("\"format\" must be \"" + FORMAT + "\", found " + describe(format));
        }
        double version = number(obj, "version");
        if (version != VERSION) {
            throw new JsonException("unsupported \"version\": " + describe(obj.get("version")) + " (this library reads " + VERSION + ")");
        }
        double slope = number(obj, "slope");
        double anchorX;
        double anchorY;
        if (obj.containsKey("anchor")) {
            double[] anchor = pair(obj.get("anchor"), "\"anchor\"");
            anchorX = anchor[0];
            anchorY = anchor[1];
        } else {
            anchorX = 0;
            anchorY = number(obj, "intercept");
        }
        Object knotsValue = obj.get("knots");
        if (!(knotsValue instanceof List)) {
            throw new JsonException("\"knots\" must be an array of [u, c] pairs, found " + describe(knotsValue));
        }
        List<?> list = (List<?>) knotsValue;
        double[] u = new double[list.size()];
        double[] c = new double[list.size()];
        for (int k = 0; k < list.size(); k++) {
            double[] uc = pair(list.get(k), "knot " + k);
            u[k] = uc[0];
            c[k] = uc[1];
        }
        UnivariateNetwork net;
        try {
            net = UnivariateNetwork.of(u, c, slope, anchorX, anchorY);
        } catch (IllegalArgumentException e) {
            throw new JsonException("invalid network: " + e.getMessage());
        }
        if (obj.containsKey("neurons") && number(obj, "neurons") != net.neurons()) {
            throw new JsonException("\"neurons\" is " + describe(obj.get("neurons")) + " but the knots give "
                    + net.neurons() + " (after merging equal knots and dropping zero slope changes)");
        }
        return net;
    }

    private static double number(Map<?, ?> obj, String key) {
        Object v = obj.get(key);
        if (!(v instanceof Double)) {
            throw new JsonException("\"" + key + "\" must be a number, found " + describe(v));
        }
        return (Double) v;
    }

    private static double[] pair(Object v, String what) {
        if (!(v instanceof List) || ((List<?>) v).size() != 2
                || !(((List<?>) v).get(0) instanceof Double) || !(((List<?>) v).get(1) instanceof Double)) {
            throw new JsonException(what + " must be an array of two numbers, found " + describe(v));
        }
        List<?> l = (List<?>) v;
        return new double[] {(Double) l.get(0), (Double) l.get(1)};
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing (missing or null)";
        }
        String s = v instanceof String ? Json.quote((String) v) : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
