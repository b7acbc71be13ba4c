package dev.sparsest.cli;

import dev.sparsest.json.Json;
import dev.sparsest.model.MultivariateJson;
import dev.sparsest.model.MultivariateNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sparsest exact: tiny d-D data through the command line. */
class ExactCliTest {
    @TempDir
    Path dir;

    /** XOR on the unit square: 1 - |x1 - x2|, three neurons and five parameters. */
    private Path xor() throws Exception {
        Path p = dir.resolve("xor.csv");
        Files.writeString(p, "x1,x2,y\n0,0,1\n1,0,0\n0,1,0\n1,1,1\n");
        return p;
    }

    @Test
    void xorNeedsFiveParametersInThreeNeurons() throws Exception {
        Path model = dir.resolve("xor.json");
        CliTest.Result r = CliTest.run("exact", xor().toString(), "--p", "0.5", "--threshold", "0.1", "--format", "json", "-o", model.toString());
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals(5.0, m.get("l0Parameters"));
        assertEquals(3.0, m.get("neurons"));
        assertEquals(14.0, m.get("patterns"));
        assertEquals(Boolean.TRUE, m.get("sparsest"));
        L0CliTest.assertFitsXor(MultivariateJson.read(Files.readString(model)));
    }

    @Test
    void tableNamesTheOptimumAndTheThresholdBracket() throws Exception {
        CliTest.Result r = CliTest.run("exact", xor().toString(), "--threshold", "0.25");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("l0 optimum: 5 nonzero parameters in 3 neurons"), r.out());
        assertTrue(r.out().contains("p*"), r.out());
    }

    @Test
    void tooManyPointsForTheVertexOracleAreRefusedWithTheLimit() throws Exception {
        Path p = dir.resolve("big.csv");
        Files.writeString(p, "0,0,1\n1,0,2\n0,1,3\n1,1,4\n2,0,5\n0,2,6\n");
        CliTest.Result r = CliTest.run("exact", p.toString(), "--p", "0.5");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("at most 10 points for d = 1, 5 for d = 2 and 4 for d = 3"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badExponentIsRefused() throws Exception {
        CliTest.Result r = CliTest.run("exact", xor().toString(), "--p", "1.5");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--p must be in (0, 1]"), r.err());
    }
}
