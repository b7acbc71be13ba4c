package dev.sparsest.cli;

import dev.sparsest.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numbers README's "Five real datasets, 1-D" quotes, recomputed from examples/data with the same commands. */
class ReadmeExamplesTest {
    private static final String DATA = "examples/data/";

    private static Map<?, ?> json(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--format";
        all[args.length + 1] = "json";
        CliTest.Result r = CliTest.run(all);
        assertEquals(0, r.code(), r.err());
        return (Map<?, ?>) Json.parse(r.out());
    }

    private static double curve(Map<?, ?> m, int knots, int column) {
        for (Object row : (List<?>) m.get("curve")) {
            List<?> r = (List<?>) row;
            if (((Double) r.get(0)).intValue() == knots) {
                return (Double) r.get(column);
            }
        }
        throw new AssertionError("no row for " + knots + " knots in " + m.get("curve"));
    }

    @Test
    void diabetes() {
        CliTest.Result refused = CliTest.run("fit", DATA + "diabetes-bmi.csv");
        assertTrue(refused.err().contains("repeated x = 18.8") && refused.err().contains("at least 125.5"), refused.err());
        Map<?, ?> cv = json("fit", DATA + "diabetes-bmi.csv", "--select", "cv");
        assertEquals(0.0, cv.get("knotCount"));
        assertEquals(62.89, (Double) cv.get("validationRmse"), 0.005);
        assertEquals(63.38, Math.sqrt(curve(cv, 1, 1)), 0.005);
        assertEquals(1_719_582, (Double) cv.get("residualSumOfSquares"), 0.5);
        assertEquals(1_098_494, (Double) cv.get("withinXSumOfSquares"), 0.5);
        assertEquals(0.344, (Double) cv.get("rSquared"), 0.0005);
    }

    @Test
    void nile() {
        Map<?, ?> bic = json("fit", DATA + "nile.csv", "--select", "bic");
        assertEquals(2.0, bic.get("knotCount"));
        assertEquals(994.41, curve(bic, 2, 2), 0.005);
        assertEquals(1000.09, curve(bic, 1, 2), 0.005);
        List<?> knots = (List<?>) bic.get("knots");
        double first = (Double) ((List<?>) knots.get(0)).get(0);
        double second = (Double) ((List<?>) knots.get(1)).get(0);
        double drop = (Double) ((List<?>) knots.get(0)).get(1);
        assertTrue(first > 1897.5 && second < 1899.5 && first < second && drop < -200,
                "a drop (two knots a year apart, the first bending down) between 1898 and 1899: " + knots);
    }

    @Test
    void sunspots() {
        assertEquals(52.0, json("fit", DATA + "sunspots.csv", "--tube", "25").get("minimumKnots"));
        Map<?, ?> cv = json("fit", DATA + "sunspots.csv", "--select", "cv");
        assertEquals(19.0, cv.get("knotCount"));
        assertEquals(29.87, (Double) cv.get("validationRmse"), 0.005);
        assertEquals(39.69, Math.sqrt(curve(cv, 0, 1)), 0.005);
    }

    @Test
    void co2AndEngelKeepTheirShape() {
        Map<?, ?> co2 = json("fit", DATA + "co2-monthly.csv", "--tube", "4", "--shape", "increasing");
        assertEquals(3.0, co2.get("minimumKnots"));
        assertEquals("increasing", co2.get("shape"));
        assertEquals(0.984, (Double) co2.get("rSquared"), 0.0005);
        CliTest.Result refused = CliTest.run("fit", DATA + "engel.csv", "--tube", "300", "--shape", "increasing");
        assertTrue(refused.err().contains("at x = 2293.191971 it must be at least 1270.391138")
                && refused.err().contains("53.2357 wider"), refused.err());
        assertEquals(3.0, json("fit", DATA + "engel.csv", "--tube", "353.3", "--shape", "increasing").get("minimumKnots"));
    }
}
