package dev.sparsest.model;

import dev.sparsest.json.JsonException;
import dev.sparsest.prop.Prop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnivariateJsonTest {

    @Test
    void roundTripIsExact() {
        Prop.forAll("jsonRoundTripIsExact", r -> {
            int k = r.nextInt(8);
            double[] u = new double[k];
            double[] c = new double[k];
            for (int j = 0; j < k; j++) {
                u[j] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
                c[j] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
            }
            return UnivariateNetwork.of(u, c, r.nextGaussian(), r.nextInt(3) == 0 ? -0.0 : r.nextGaussian() * 1e5,
                    r.nextDouble() * 1e-300);
        }).check(net -> {
            String json = UnivariateJson.write(net);
            UnivariateNetwork back = UnivariateJson.read(json);
            assertEquals(net, back);
            assertEquals(json, UnivariateJson.write(back), "JSON -> model -> JSON");
        });
    }

    @Test
    void documentedSchemaIsWritten() {
        UnivariateNetwork net = UnivariateNetwork.of(new double[] {-1, 0.5}, new double[] {1, -2}, 0.5, -2, 0);
        String json = UnivariateJson.write(net);
        assertEquals("{\n"
                + "  \"format\": \"sparsest-relu/univariate\",\n"
                + "  \"version\": 1,\n"
                + "  \"neurons\": 2,\n"
                + "  \"slope\": 0.5,\n"
                + "  \"intercept\": 1.0,\n"
                + "  \"anchor\": [-2.0, 0.0],\n"
                + "  \"knots\": [\n"
                + "    [-1.0, 1.0],\n"
                + "    [0.5, -2.0]\n"
                + "  ]\n"
                + "}\n", json);
    }

    @Test
    void readsTheInterceptWhenThereIsNoAnchorAndIgnoresUnknownKeys() {
        UnivariateNetwork net = UnivariateJson.read("{\"format\":\"sparsest-relu/univariate\",\"version\":1,"
                + "\"slope\":2,\"intercept\":3,\"knots\":[[1,1]],\"cost\":1.0,\"p\":0.5}");
        assertEquals(5, net.evaluate(1));
        assertEquals(8, net.evaluate(2));
    }

    @Test
    void wrongShapesAreClearErrors() {
        String base = "\"format\":\"sparsest-relu/univariate\",\"version\":1,\"slope\":0,\"intercept\":0";
        assertMessage("{}", "\"format\" must be");
        assertMessage("[1]", "must be a JSON object");
        assertMessage("{" + base + "}", "\"knots\" must be an array");
        assertMessage("{" + base + ",\"knots\":[[1]]}", "knot 0 must be an array of two numbers");
        assertMessage("{" + base + ",\"knots\":[[1,\"a\"]]}", "knot 0 must be");
        assertMessage("{" + base + ",\"knots\":[[1e999,1]]}", "not finite");
        assertMessage("{" + base + ",\"knots\":[[1,1]],\"neurons\":2}", "\"neurons\" is 2.0 but the knots give 1");
        assertMessage("{\"format\":\"sparsest-relu/univariate\",\"version\":2}", "unsupported \"version\"");
        assertMessage("{" + base + ",\"knots\":[] ", "JSON line 1");
    }

    private static void assertMessage(String json, String fragment) {
        JsonException e = assertThrows(JsonException.class, () -> UnivariateJson.read(json));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void oneReaderForEveryKindParsesOnceAndDispatchesOnTheFormat() {
        UnivariateNetwork f = UnivariateNetwork.of(new double[] {-1, 0.5, 2}, new double[] {1, -2, 1}, 0, -2, 0);
        MultivariateNetwork g = new MultivariateNetwork(new double[] {1, -1, 0.5}, new double[] {2}, 2);
        assertEquals(UnivariateJson.write(f), UnivariateJson.write((UnivariateNetwork) ModelJson.read(UnivariateJson.write(f))));
        assertEquals(MultivariateJson.write(g), MultivariateJson.write((MultivariateNetwork) ModelJson.read(MultivariateJson.write(g))));
        assertEquals(1, ModelJson.read(UnivariateJson.write(f)).inputDimension());
        assertEquals(2, ModelJson.read(MultivariateJson.write(g)).inputDimension());
        JsonException e = org.junit.jupiter.api.Assertions.assertThrows(JsonException.class,
                () -> ModelJson.read("{\"format\": \"other\"}"));
        assertTrue(e.getMessage().contains(UnivariateJson.FORMAT) && e.getMessage().contains(MultivariateJson.FORMAT), e.getMessage());
    }
}
