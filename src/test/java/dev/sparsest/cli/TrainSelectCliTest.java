package dev.sparsest.cli;

import dev.sparsest.json.Json;
import dev.sparsest.model.MultivariateJson;
import dev.sparsest.model.MultivariateNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.sparsest.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train} on d-D data with lambda chosen for the user, and the options it refuses by name. */
class TrainSelectCliTest {
    @TempDir
    Path dir;

    /** 80 rows, d = 3, in raw units far from 1: y = 40 relu(x1/100 - x2) + 3 x3 + 500 + small noise. */
    private Path kinkData(String name, boolean constantColumn) throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder(constantColumn ? "a,b,c,k,y\n" : "a,b,c,y\n");
        for (int i = 0; i < 80; i++) {
            double a = 200 * r.nextDouble() - 100;
            double b = 2 * r.nextDouble() - 1;
            double c = 10 * r.nextDouble();
            double y = 40 * Math.max(a / 100 - b, 0) + 3 * c + 500 + 0.1 * (r.nextDouble() - 0.5);
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%s%.6f%n", a, b, c, constantColumn ? "7," : "", y));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void crossValidationChoosesASparseNetworkAndWritesTheModelAndThePlot() throws Exception {
        Path data = kinkData("kink.csv", false);
        Path model = dir.resolve("kink.json");
        Path plot = dir.resolve("path.png");
        CliTest.Result r = run("train", data.toString(), "--select", "cv:3", "--width", "8", "--epochs", "1500",
                "--format", "json", "-o", model.toString(), "--plot", plot.toString());
        assertEquals(0, r.code(), r.err());
        Map<?, ?> out = (Map<?, ?>) Json.parse(r.out());
        for (String key : List.of("lambda", "parameters", "neurons", "trainRmse", "validationRmse", "path", "network")) {
            assertTrue(out.containsKey(key), key + " in " + r.out());
        }
        assertEquals("cv:3", out.get("select"));
        assertEquals("affine", out.get("model"));
        double neurons = (Double) out.get("neurons");
        assertTrue(neurons >= 1 && neurons <= 8, "the kink needs a neuron: " + neurons);
        // the plane alone leaves a validation RMSE near 6 on these data; one neuron takes it well under 1
        assertTrue((Double) out.get("validationRmse") < 1, "validation RMSE " + out.get("validationRmse"));
        List<?> path = (List<?>) out.get("path");
        assertTrue(path.size() >= 3, "a path of lambdas: " + path.size());
        MultivariateNetwork saved = MultivariateJson.read(Files.readString(model));
        assertTrue(saved.hasAffinePart());
        assertEquals(((Map<?, ?>) out.get("network")).get("parameters"), (double) saved.nonzeroParameters(0));
        assertEquals(List.of("a", "b", "c"), MultivariateJson.inputs((Map<?, ?>) Json.parse(Files.readString(model))));
        // predict takes raw units: the saved network reproduces the data's scale
        assertEquals(500 + 40 * Math.max(0.5 - 0.2, 0) + 3 * 5, saved.evaluate(new double[] {50, 0.2, 5}, 0), 1.0);
        assertTrue(Files.size(plot) > 1000, "the path's plot");
    }

    @Test
    void aTableByDefaultAndTheSameChoiceForAnyThreadCount() throws Exception {
        Path data = kinkData("kink2.csv", false);
        CliTest.Result one = run("train", data.toString(), "--select", "holdout:0.25", "--width", "6", "--epochs", "800", "--threads", "1");
        CliTest.Result two = run("train", data.toString(), "--select", "holdout:0.25", "--width", "6", "--epochs", "800", "--threads", "2");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("validation RMSE"), one.out());
        assertTrue(one.out().contains("chosen by a holdout of 0.25"), one.out());
        assertEquals(withoutTimes(one.out()), withoutTimes(two.out()), "deterministic whatever the thread count");
    }

    private static String withoutTimes(String s) {
        return s.replaceAll("in [0-9.]+ s", "in T s");
    }

    @Test
    void aConstantColumnIsNamedAndGetsNoWeight() throws Exception {
        Path data = kinkData("const.csv", true);
        Path model = dir.resolve("const.json");
        CliTest.Result r = run("train", data.toString(), "--lambda", "0.01", "--width", "6", "--epochs", "500", "-o", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("constant input column(s) k"), r.err());
        MultivariateNetwork f = MultivariateJson.read(Files.readString(model));
        for (int j = 0; j < f.width(); j++) {
            assertEquals(0.0, f.weights()[j * 5 + 3], "neuron " + j + "'s weight on k");
        }
        assertEquals(0.0, f.affinePart()[3]);
    }

    @Test
    void optionsThatDoNotApplyAreRefusedByNameAndNothingIsWritten() throws Exception {
        Path data = kinkData("refuse.csv", false);
        Path model = dir.resolve("never.json");
        Path oneD = dir.resolve("line.csv");
        Files.writeString(oneD, "0,0\n1,1\n2,0\n3,1\n");
        String[][] cases = {
                {data.toString(), "--select", "cv", "--lambda", "0.1"}, // two ways to set lambda
                {data.toString(), "--select", "none"},                  // no lambda at all
                {data.toString(), "--select", "kfold"},
                {data.toString(), "--select", "cv:1"},
                {data.toString(), "--select", "holdout:1.5"},
                {data.toString(), "--model", "deep"},
                {data.toString(), "--log", "log.csv"},                   // one run's log, but a path of runs
                {data.toString(), "--optimizer", "adam"},                // no penalty: every lambda the same
                {data.toString(), "--model", "paper", "--restarts", "2"}, // restarts of one lambda, but a path
                {oneD.toString(), "--select", "cv"},
                {oneD.toString(), "--model", "paper"},
                {oneD.toString(), "--format", "json"},
        };
        String[] named = {"--select", "--select none", "--select", "--select", "--select", "--model", "--log", "--optimizer adam", "--restarts", "--select", "--model",
                "--format json"};
        for (int c = 0; c < cases.length; c++) {
            String[] args = new String[cases[c].length + 3];
            args[0] = "train";
            System.arraycopy(cases[c], 0, args, 1, cases[c].length);
            args[args.length - 2] = "-o";
            args[args.length - 1] = model.toString();
            CliTest.Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", cases[c]) + ": " + r.err());
            assertTrue(r.err().contains(named[c]), named[c] + " in: " + r.err());
            assertFalse(Files.exists(model), "nothing written");
        }
    }

    @Test
    void repeatedInputRowsAreSamplesForTrainingButConflictsForTheExactSolver() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 30; i++) {
            int a = i % 5; // each input row five or six times, the targets differing: noisy regression data
            int b = i % 3;
            sb.append(a).append(',').append(b).append(',').append(2 * a - b + (i % 2 == 0 ? 0.5 : -0.5)).append('\n');
        }
        Path data = dir.resolve("repeats.csv");
        Files.writeString(data, sb.toString());
        CliTest.Result train = run("train", data.toString(), "--select", "cv:3", "--width", "4", "--epochs", "300");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("30 points in 2 dimensions"), "every row is a sample: " + train.out());
        CliTest.Result exact = run("exact", data.toString(), "--l0");
        assertEquals(1, exact.code());
        assertTrue(exact.err().contains("repeated input row with different targets"), exact.err());
    }

    @Test
    void noMoreRowsThanAffineCoefficientsIsSaid() throws Exception {
        Path data = dir.resolve("wide.csv");
        Files.writeString(data, "a,b,c,y\n0,0,1,0\n1,0,2,1\n0,1,0,1\n1,1,5,0\n");
        CliTest.Result r = run("train", data.toString(), "--lambda", "0.1", "--epochs", "200", "--width", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("4 rows for 3 inputs"), r.err());
    }

    @Test
    void theDefaultEpochsWhenNoneAreGiven() throws Exception {
        Path oneD = dir.resolve("peak.csv");
        Files.writeString(oneD, "0,0\n1,1\n2,0\n3,0\n");
        CliTest.Result univariate = run("train", oneD.toString(), "--width", "4");
        assertEquals(0, univariate.code(), univariate.err());
        Path wide = dir.resolve("xor.csv");
        Files.writeString(wide, "a,b,y\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n");
        CliTest.Result fixed = run("train", wide.toString(), "--lambda", "0.01", "--width", "2", "--early-stop", "2000");
        assertEquals(0, fixed.code(), fixed.err());
    }

    @Test
    void thePaperModelTakesRestartsAtOneLambda() throws Exception {
        Path wide = dir.resolve("xor2.csv");
        Files.writeString(wide, "a,b,y\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n");
        CliTest.Result r = run("train", wide.toString(), "--model", "paper", "--restarts", "2", "--lambda", "0.003",
                "--epochs", "2000", "--width", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("restarts=2") && r.out().contains("model=PAPER"), r.out());
    }

    @Test
    void inputsNearTheLargestDoublesGiveThePlaneAndACountThatMatchesIt() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 1; i <= 20; i++) {
            sb.append(i).append("e300,").append(i * i % 7).append(',').append(i).append('\n'); // y = a / 1e300
        }
        Path data = dir.resolve("huge.csv");
        Files.writeString(data, sb.toString());
        CliTest.Result r = run("train", data.toString(), "--width", "4", "--epochs", "200", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> out = (Map<?, ?>) Json.parse(r.out());
        assertEquals(0.0, out.get("neurons"));
        assertTrue((Double) out.get("parameters") <= 3, "no sub-threshold neuron counted: " + out.get("parameters"));
        assertTrue((Double) out.get("trainRmse") < 1e-9, "the plane fits: " + out.get("trainRmse"));
    }

    @Test
    void tooFewRowsForTheFoldsSaysWhatToDo() throws Exception {
        Path data = dir.resolve("tiny.csv");
        Files.writeString(data, "a,b,y\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n");
        CliTest.Result r = run("train", data.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("needs at least 10 rows, found 4") && r.err().contains("a lambda of your own"), r.err());
    }
}
