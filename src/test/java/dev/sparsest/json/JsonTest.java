package dev.sparsest.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void parsesAllValueKinds() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\\n\\u00e9\\\"\"], \"b\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(1.0, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertEquals(Boolean.FALSE, a.get(3));
        assertEquals(null, a.get(4));
        assertEquals("x\n\u00e9\"", a.get(5));
        assertEquals(Map.of(), m.get("b"));
    }

    @Test
    void rejectsMalformedInputWithPosition() {
        String[] bad = {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "1e", "\"abc", "tru", "[1] 2",
            "{\"a\":1,\"a\":2}", "\"\\x\"", "\"\\u12\"", "{1:2}", "[\"\u0001\"]", "NaN", "+1"};
        for (String s : bad) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(s), s);
            assertTrue(e.getMessage().startsWith("JSON line 1, column "), s + ": " + e.getMessage());
        }
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    }

    @Test
    void numbersRoundTripToTheSameBits() {
        double[] values = {0.0, -0.0, 1.0, -3.0, 0.1, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 1e15, 123456789.125, Math.PI};
        for (double v : values) {
            double back = (Double) Json.parse(Json.number(v));
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back), Json.number(v));
        }
        assertThrows(IllegalArgumentException.class, () -> Json.number(Double.NaN));
    }

    @Test
    void quotesControlCharacters() {
        String s = "a\"b\\c\n\t\u0001";
        assertEquals(s, Json.parse(Json.quote(s)));
    }
}
