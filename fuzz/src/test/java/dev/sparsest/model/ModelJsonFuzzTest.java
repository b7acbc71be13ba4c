package dev.sparsest.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sparsest.json.JsonException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model readers: any bytes give a model or {@link JsonException} (never another exception,
 * never a hang), a model read back writes the same text again, {@link ModelJson} reads what the
 * reader of its kind reads, and every valid model survives write, read, write byte for byte.
 */
class ModelJsonFuzzTest {

    @FuzzTest
    void anyBytesGiveAModelOrJsonException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            UnivariateNetwork f = UnivariateJson.read(text);
            String once = UnivariateJson.write(f);
            assertEquals(once, UnivariateJson.write(UnivariateJson.read(once)), "stable after one round trip");
        } catch (JsonException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
        try {
            MultivariateNetwork g = MultivariateJson.read(text);
            String once = MultivariateJson.write(g);
            assertEquals(once, MultivariateJson.write(MultivariateJson.read(once)));
        } catch (JsonException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
        try { // the reader of every kind agrees with the reader of each
            Network any = ModelJson.read(text);
            String again = any instanceof UnivariateNetwork u ? UnivariateJson.write(u) : MultivariateJson.write((MultivariateNetwork) any);
            assertEquals(again, any instanceof UnivariateNetwork ? UnivariateJson.write(UnivariateJson.read(text))
                    : MultivariateJson.write(MultivariateJson.read(text)));
        } catch (JsonException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
        try { // input names: one per input, and written back as read
            ModelJson.Model model = ModelJson.readModel(text);
            if (model.network() instanceof MultivariateNetwork g && !model.inputs().isEmpty()) {
                assertEquals(g.dimension(), model.inputs().size());
                assertEquals(model.inputs(), ModelJson.readModel(MultivariateJson.write(g, model.inputs())).inputs());
            }
        } catch (JsonException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }

    @FuzzTest
    void validModelsRoundTripExactly(FuzzedDataProvider data) {
        int k = data.consumeInt(0, 12);
        double[] u = new double[k];
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            u[j] = finite(data);
            c[j] = finite(data);
        }
        UnivariateNetwork f;
        try {
            f = UnivariateNetwork.of(u, c, finite(data), finite(data), finite(data));
        } catch (IllegalArgumentException e) {
            return; // e.g. a slope change that overflows when equal knots merge
        }
        String json = UnivariateJson.write(f);
        UnivariateNetwork back = UnivariateJson.read(json);
        assertEquals(json, UnivariateJson.write(back));
        for (int j = 0; j < f.neurons(); j++) {
            assertEquals(f.knot(j), back.knot(j), 0.0);
            assertEquals(f.slopeChange(j), back.slopeChange(j), 0.0);
        }
        int d = data.consumeInt(1, 4);
        int width = data.consumeInt(0, 5);
        double[] w = new double[width * (d + 1)];
        double[] v = new double[width];
        for (int i = 0; i < w.length; i++) {
            w[i] = finite(data);
        }
        for (int i = 0; i < width; i++) {
            v[i] = finite(data);
        }
        MultivariateNetwork g = new MultivariateNetwork(w, v, d);
        String jg = MultivariateJson.write(g);
        assertEquals(jg, MultivariateJson.write(MultivariateJson.read(jg)));
        double[] affine = new double[d + 1]; // the affine model: the same network with a . x + c
        for (int t = 0; t <= d; t++) {
            affine[t] = finite(data);
        }
        MultivariateNetwork h = g.withAffinePart(affine);
        String jh = MultivariateJson.write(h);
        assertEquals(h, MultivariateJson.read(jh));
        assertEquals(jh, MultivariateJson.write(MultivariateJson.read(jh)));
    }

    private static double finite(FuzzedDataProvider data) {
        double v = data.consumeDouble();
        return Double.isFinite(v) ? v : 0.0;
    }
}
