package dev.sparsest.model;

import dev.sparsest.json.JsonException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
