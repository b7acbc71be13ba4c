package dev.sparsest.cli;

import dev.sparsest.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fit --tube / --lambda and path, through the command line. */
class NoisyCliTest {
    @TempDir
    Path dir;

    /** A hinge at x = 2 with +-0.1 noise and a repeated x. */
    private Path hinge() throws Exception {
        Path p = dir.resolve("hinge.csv");
        Files.writeString(p, "x,y\n0,0.1\n1,-0.1\n2,0.05\n2,-0.05\n3,1.1\n4,1.9\n5,3.1\n");
        return p;
    }

    @Test
    void tubeFitFindsTheHinge() throws Exception {
        CliTest.Result r = CliTest.run("fit", hinge().toString(), "--tube", "0.15", "--format", "json", "--plot",
                dir.resolve("t.png").toString());
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals(1.0, m.get("minimumKnots"));
        assertEquals(7.0, m.get("rows"));
        assertEquals(6.0, m.get("points"));
        assertTrue(Files.size(dir.resolve("t.png")) > 0);
    }

    @Test
    void perRowTubesFromAThirdColumn() throws Exception {
        Path p = dir.resolve("eps.csv");
        Files.writeString(p, "0,0,0.01\n1,1,0.01\n2,0,5\n3,3,0.01\n");
        CliTest.Result r = CliTest.run("fit", p.toString(), "--tube", "col3", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(0.0, ((Map<?, ?>) Json.parse(r.out())).get("minimumKnots")); // y = x passes every tube
    }

    @Test
    void penalizedFitAndPath() throws Exception {
        CliTest.Result big = CliTest.run("fit", hinge().toString(), "--lambda", "1e6", "--format", "json");
        assertEquals(0, big.code(), big.err());
        assertEquals(0.0, ((Map<?, ?>) Json.parse(big.out())).get("neurons")); // above lambda_max: the LS line
        CliTest.Result path = CliTest.run("path", hinge().toString(), "--format", "json", "--plot", dir.resolve("p.svg").toString());
        assertEquals(0, path.code(), path.err());
        List<?> points = (List<?>) ((Map<?, ?>) Json.parse(path.out())).get("path");
        assertTrue(points.size() >= 2);
        assertEquals(0.0, ((Map<?, ?>) points.get(points.size() - 1)).get("lambda"));
    }

    @Test
    void badNoisyOptionsAreRefusedClearly() throws Exception {
        String data = hinge().toString();
        assertRefused(CliTest.run("fit", data, "--tube", "abc"), "--tube takes a number");
        assertRefused(CliTest.run("fit", data, "--tube", "-1"), "--tube must be finite and >= 0");
        assertRefused(CliTest.run("fit", data, "--tube", "0.1", "--lambda", "1"), "give one");
        assertRefused(CliTest.run("fit", data, "--tube", "0.1", "--p", "0.5"), "do not apply");
        assertRefused(CliTest.run("fit", data, "--lambda", "-1"), "lambda must be finite and >= 0");
        assertRefused(CliTest.run("fit", data, "--tube", "col3"), "3 columns");
        Path clash = dir.resolve("clash.csv");
        Files.writeString(clash, "0,0\n1,0\n1,1\n2,0\n");
        assertRefused(CliTest.run("fit", clash.toString(), "--tube", "0.1"), "do not overlap");
    }

    private static void assertRefused(CliTest.Result r, String message) {
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains(message), r.err());
    }
}
