package dev.sparsest.cli;

import dev.sparsest.json.Json;
import dev.sparsest.model.MultivariateJson;
import dev.sparsest.model.MultivariateNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sparsest exact --l0 (the anytime search) and sparsest certify through the command line. */
class L0CliTest {
    @TempDir
    Path dir;

    /** XOR on the unit square: 1 - |x1 - x2|. */
    private Path xor() throws Exception {
        Path p = dir.resolve("xor.csv");
        Files.writeString(p, "x1,x2,y\n0,0,1\n1,0,0\n0,1,0\n1,1,1\n");
        return p;
    }

    private Path gaussian(int n, int d) throws Exception {
        SplittableRandom r = new SplittableRandom(n * 31L + d);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t <= d; t++) {
                sb.append(t == 0 ? "" : ",").append(r.nextGaussian());
            }
            sb.append('\n');
        }
        Path p = dir.resolve("g" + n + "x" + d + ".csv");
        Files.writeString(p, sb);
        return p;
    }

    private static Map<?, ?> json(CliTest.Result r) {
        assertEquals(0, r.code(), r.err());
        return (Map<?, ?>) Json.parse(r.out());
    }

    @Test
    void xorIsProvedAtFiveParametersAndTheModelInterpolates() throws Exception {
        Path model = dir.resolve("xor.json");
        Map<?, ?> m = json(CliTest.run("exact", xor().toString(), "--l0", "--format", "json", "-o", model.toString()));
        assertEquals(5.0, m.get("parameters"));
        assertTrue((Double) m.get("neurons") <= 4, "at most N neurons");
        assertEquals(5.0, m.get("lowerBound"));
        assertEquals(Boolean.TRUE, m.get("proved"));
        assertTrue(m.get("seconds") instanceof Double);
        assertTrue(m.get("network") instanceof Map);
        assertFitsXor(MultivariateJson.read(Files.readString(model)));
    }

    /** The network passes through the four XOR points of {@code xor()} (1e-12). */
    static void assertFitsXor(MultivariateNetwork f) {
        double[][] rows = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double[] y = {1, 0, 0, 1};
        for (int i = 0; i < 4; i++) {
            assertEquals(y[i], f.evaluate(rows[i], 0), 1e-12);
        }
    }

    /** 1 - |x1 - x2| = 1 - (x1 - x2) + 2 relu(x1 - x2)... one neuron of two weights beside the free affine part. */
    @Test
    void affineModelNeedsOneNeuronOfTwoWeightsForXor() throws Exception {
        CliTest.Result r = CliTest.run("exact", xor().toString(), "--model", "affine");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("l0: 2 nonzero parameters in 1 neurons, proved the fewest"), r.out());
        assertTrue(r.out().contains("affine part: a = ("), r.out());
    }

    @Test
    void certifyJudgesAnAffineModelInTheAffineModel() throws Exception {
        Path model = dir.resolve("affine.json");
        assertEquals(0, CliTest.run("exact", xor().toString(), "--model", "affine", "-o", model.toString()).code());
        Map<?, ?> m = json(CliTest.run("certify", xor().toString(), model.toString(), "--format", "json"));
        assertEquals("affine", m.get("model"));
        assertEquals("proved", m.get("verdict"));
        assertEquals(2.0, m.get("modelParameters"), "the affine part is free");
    }

    @Test
    void largerDataNeedATimeLimitAndThenReportTheBoundAndGap() throws Exception {
        Path data = gaussian(12, 2);
        Path model = dir.resolve("m.json");
        CliTest.Result refused = CliTest.run("exact", data.toString(), "-o", model.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("--time-limit is needed beyond 8 points (found 12)"), refused.err());
        assertFalse(Files.exists(model), "nothing written");
        Map<?, ?> m = json(CliTest.run("exact", data.toString(), "--time-limit", "2", "--format", "json"));
        double parameters = (Double) m.get("parameters");
        double bound = (Double) m.get("lowerBound");
        assertTrue(bound >= 1 && bound <= parameters, bound + " <= " + parameters);
        assertEquals(parameters - bound, (Double) m.get("gap"));
        assertEquals(parameters == bound, m.get("proved"));
        assertTrue((Double) m.get("seconds") < 10, "stops near the limit");
    }

    @Test
    void badLimitsAndModelsAreRefusedByName() throws Exception {
        Path out = dir.resolve("never.json");
        CliTest.Result zero = CliTest.run("exact", xor().toString(), "--time-limit", "0", "-o", out.toString());
        assertEquals(1, zero.code());
        assertTrue(zero.err().contains("--time-limit must be a positive number of seconds, found 0.0"), zero.err());
        CliTest.Result mixed = CliTest.run("exact", xor().toString(), "--p", "0.5", "--model", "affine");
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().contains("--model affine applies to the l0 search only"), mixed.err());

        Path missing = dir.resolve("missing.json"); // interpolates 3 of 4 points
        Files.writeString(missing, MultivariateJson.write(new MultivariateNetwork(new double[] {0, 0, 1}, new double[] {1}, 2)));
        CliTest.Result notInterpolating = CliTest.run("exact", xor().toString(), "--start", missing.toString(), "-o", out.toString());
        assertEquals(1, notInterpolating.code());
        assertTrue(notInterpolating.err().contains("the start model does not interpolate the data"), notInterpolating.err());

        Path threeInputs = dir.resolve("three.json");
        Files.writeString(threeInputs, MultivariateJson.write(new MultivariateNetwork(new double[] {0, 0, 0, 1}, new double[] {1}, 3)));
        CliTest.Result otherD = CliTest.run("exact", xor().toString(), "--start", threeInputs.toString());
        assertEquals(1, otherD.code());
        assertTrue(otherD.err().contains("the model takes 3 inputs"), otherD.err());
        CliTest.Result certifyOtherD = CliTest.run("certify", xor().toString(), threeInputs.toString());
        assertEquals(1, certifyOtherD.code());
        assertTrue(certifyOtherD.err().contains("the model takes 3 inputs"), certifyOtherD.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void certifyProvesTheOptimumAndFindsASparserNetworkThanAPaddedOne() throws Exception {
        Path optimum = dir.resolve("opt.json");
        assertEquals(0, CliTest.run("exact", xor().toString(), "-o", optimum.toString()).code());
        Map<?, ?> proved = json(CliTest.run("certify", xor().toString(), optimum.toString(), "--format", "json"));
        assertEquals("proved", proved.get("verdict"));
        assertEquals(Boolean.TRUE, proved.get("sparsest"));
        assertEquals(5.0, proved.get("modelParameters"));

        // the optimum plus a neuron dead on the data (relu(x1 - 10)): still an interpolant, 2 parameters more
        MultivariateNetwork f = MultivariateJson.read(Files.readString(optimum));
        double[] w = java.util.Arrays.copyOf(f.weights(), f.weights().length + 3);
        w[w.length - 3] = 1;
        w[w.length - 1] = -10;
        double[] v = java.util.Arrays.copyOf(f.outputWeights(), f.outputWeights().length + 1);
        v[v.length - 1] = 1;
        Path padded = dir.resolve("padded.json");
        Files.writeString(padded, MultivariateJson.write(new MultivariateNetwork(w, v, 2)));
        Path sparser = dir.resolve("sparser.json");
        CliTest.Result r = CliTest.run("certify", xor().toString(), padded.toString(), "-o", sparser.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the model: 7 nonzero parameters"), r.out());
        assertTrue(r.out().contains("not the sparsest: 5 nonzero parameters in"), r.out());
        assertTrue(r.out().contains("proved the fewest"), r.out());
        assertTrue(Files.exists(sparser));

        Path missing = dir.resolve("missing.json");
        Files.writeString(missing, MultivariateJson.write(new MultivariateNetwork(new double[] {0, 0, 1}, new double[] {1}, 2)));
        Map<?, ?> notAnInterpolant = json(CliTest.run("certify", xor().toString(), missing.toString(), "--format", "json"));
        assertEquals("not_an_interpolant", notAnInterpolant.get("verdict"));
        assertEquals(Boolean.FALSE, notAnInterpolant.get("interpolates"));
        assertEquals(3.0, notAnInterpolant.get("worstMissLine"), "the file's line of the worst miss");
    }
}
