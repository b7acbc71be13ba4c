package dev.sparsest.model;

import dev.sparsest.json.JsonException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultivariateJsonTest {

    @Test
    void roundTripIsExact() {
        MultivariateNetwork f = new MultivariateNetwork(new double[] {0.1, -2, 1e-300, 3, 0, -0.5}, new double[] {1.5, -Math.PI}, 2);
        String json = MultivariateJson.write(f);
        MultivariateNetwork back = MultivariateJson.read(json);
        assertEquals(f, back);
        assertEquals(json, MultivariateJson.write(back));
        assertEquals(f.evaluate(new double[] {0.3, -0.7}, 0), back.evaluate(new double[] {0.3, -0.7}, 0));
    }

    @Test
    void theAffinePartRoundTripsAndCountsAmongTheParameters() {
        MultivariateNetwork f = new MultivariateNetwork(new double[] {0.1, -2, 1e-300}, new double[] {-Math.E},
                new double[] {0, 1e17, -4.25}, 2);
        String json = MultivariateJson.write(f);
        MultivariateNetwork back = MultivariateJson.read(json);
        assertEquals(f, back);
        assertEquals(json, MultivariateJson.write(back));
        assertEquals(f.evaluate(new double[] {0.3, -0.7}, 0), back.evaluate(new double[] {0.3, -0.7}, 0));
        assertEquals(-4.25 + 1e17 * -0.7 - Math.E * Math.max(0.1 * 0.3 + 2 * 0.7 + 1e-300, 0), f.evaluate(new double[] {0.3, -0.7}, 0), 64);
        assertEquals(3 + 2, f.nonzeroParameters(0), "three neuron entries, two affine ones (a_1 = 0 does not count)");
        assertTrue(json.contains("\"parameters\": 5"), json);
        String prefix = "{\"format\":\"sparsest-relu/multivariate\",\"version\":1,\"d\":2,\"weights\":[],\"v\":[],\"affine\":";
        assertEquals(new MultivariateNetwork(new double[0], new double[0], new double[] {1, 2, 3}, 2),
                MultivariateJson.read(prefix + "[1,2,3]}"));
        for (String bad : new String[] {"[1,2]", "[1,2,3,4]", "[1,\"a\",3]", "7"}) {
            JsonException e = assertThrows(JsonException.class, () -> MultivariateJson.read(prefix + bad + "}"), bad);
            assertTrue(e.getMessage().contains("affine"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void wrongShapesAreClearErrors() {
        assertThrows(JsonException.class, () -> MultivariateJson.read("{\"format\":\"x\"}"));
        assertThrows(JsonException.class, () -> MultivariateJson.read(
                "{\"format\":\"sparsest-relu/multivariate\",\"version\":1,\"d\":2,\"weights\":[[1,2]],\"v\":[1]}"));
        assertThrows(JsonException.class, () -> MultivariateJson.read(
                "{\"format\":\"sparsest-relu/multivariate\",\"version\":1,\"d\":1,\"weights\":[[1,2]],\"v\":[]}"));
        assertThrows(JsonException.class, () -> MultivariateJson.read(
                "{\"format\":\"sparsest-relu/multivariate\",\"version\":1,\"d\":0.5,\"weights\":[],\"v\":[]}"));
    }
}
