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

    /**
     * The reported RSS, R^2 and largest residual are over the rows, as a direct computation from
     * the written network and the rows gives them (relative 1e-12: the same sums in another order),
     * in both noisy modes; the path's RSS at lambda = 0 is the spread within repeated x.
     */
    @Test
    void numbersAreOverTheRows() throws Exception {
        double[] x = {0, 1, 2, 2, 3, 4, 5, 5, 5};
        double[] y = {0.1, -0.1, 0.05, -0.05, 1.1, 1.9, 3.1, 2.7, 3.3};
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < x.length; i++) {
            csv.append(x[i]).append(',').append(y[i]).append('\n');
        }
        Path data = dir.resolve("rows.csv");
        Files.writeString(data, csv.toString());
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double total = 0;
        for (double v : y) {
            total += (v - mean) * (v - mean);
        }
        for (String[] mode : new String[][] {{"--lambda", "0.05"}, {"--tube", "0.3"}}) {
            CliTest.Result r = CliTest.run("fit", data.toString(), mode[0], mode[1], "--format", "json");
            assertEquals(0, r.code(), r.err());
            Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
            dev.sparsest.model.UnivariateNetwork f = dev.sparsest.model.UnivariateJson.read(r.out());
            double rss = 0;
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                double res = f.evaluate(x[i]) - y[i];
                rss += res * res;
                worst = Math.max(worst, Math.abs(res));
            }
            assertEquals(rss, (Double) m.get("residualSumOfSquares"), 1e-12 * rss, mode[0]);
            assertEquals(1 - rss / total, (Double) m.get("rSquared"), 1e-12, mode[0]);
            assertEquals(worst, (Double) m.get("maxResidual"), 1e-12 * worst, mode[0]);
            // the spread within x = 2 and x = 5: 2 * 0.05^2 + (3.1 - 3.0333)^2 + ... computed directly
            double within = 0.005 + Math.pow(3.1 - 9.1 / 3, 2) + Math.pow(2.7 - 9.1 / 3, 2) + Math.pow(3.3 - 9.1 / 3, 2);
            assertEquals(within, (Double) m.get("withinXSumOfSquares"), 1e-12);
        }
        CliTest.Result path = CliTest.run("path", data.toString(), "--format", "json");
        assertEquals(0, path.code(), path.err());
        List<?> events = (List<?>) ((Map<?, ?>) Json.parse(path.out())).get("path");
        Map<?, ?> last = (Map<?, ?>) events.get(events.size() - 1);
        assertEquals(0.0, last.get("lambda"));
        assertEquals((Double) ((Map<?, ?>) Json.parse(path.out())).get("withinXSumOfSquares"),
                (Double) last.get("residualSumOfSquares"), 1e-12, "at lambda = 0 the fit passes through every mean");
    }

    @Test
    void knotBudgetGivesTheLeastMaximumError() throws Exception {
        Path v = dir.resolve("v.csv");
        Files.writeString(v, "x,y\n-1,1\n0,0\n1,1\n");
        CliTest.Result none = CliTest.run("fit", v.toString(), "--knots", "0", "--format", "json");
        assertEquals(0, none.code(), none.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(none.out());
        assertEquals("knots", m.get("mode"));
        assertEquals(0.5, (Double) m.get("maxError"), 1e-10); // the best constant, 1/2 off at every point
        assertEquals(0.0, m.get("knotCount"));
        assertEquals(List.of(), m.get("knots"));
        CliTest.Result one = CliTest.run("fit", v.toString(), "--knots", "1", "--plot", dir.resolve("k.png").toString());
        assertTrue(one.out().contains("max error    0 "), one.out()); // one knot interpolates the V
        assertTrue(Files.size(dir.resolve("k.png")) > 0);
        assertTrue(CliTest.run("fit", v.toString(), "--knots", "1", "--tube", "0.1").err().contains("does not combine"));
        assertTrue(CliTest.run("fit", v.toString(), "--knots", "-1").err().contains("--knots must be >= 0"));
    }

    @Test
    void knotBudgetByLeastSquaresKeepsTheBudgetAndSaysItIsLocal() throws Exception {
        Path p = dir.resolve("hinge2.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            double x = i / 4.0;
            sb.append(x).append(',').append(Math.max(0, x - 5) * 2 + 0.01 * Math.sin(7 * i)).append('\n');
        }
        Files.writeString(p, sb.toString());
        CliTest.Result r = CliTest.run("fit", p.toString(), "--knots", "1", "--least-squares", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals("knots-least-squares", m.get("mode"));
        assertEquals("local", m.get("optimum"));
        List<?> knots = (List<?>) m.get("knots");
        assertEquals(1, knots.size());
        assertEquals(5.0, (Double) ((List<?>) knots.get(0)).get(0), 0.05); // the hinge ([position, slope change]), through the noise
        assertTrue(CliTest.run("fit", p.toString(), "--least-squares").err().contains("--least-squares goes with --knots K"));
    }

    @Test
    void bicChoosesTheKnotCountAndPrintsItsCurve() throws Exception {
        Path p = twoHinges();
        CliTest.Result r = CliTest.run("fit", p.toString(), "--select", "bic", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals("bic", m.get("selection"));
        assertEquals(2.0, m.get("knotCount"));
        List<?> curve = (List<?>) m.get("curve");
        assertTrue(curve.size() >= 3, curve.toString());
        CliTest.Result text = CliTest.run("fit", p.toString(), "--select", "bic");
        assertTrue(text.out().contains("<- chosen"), text.out());
        assertTrue(CliTest.run("fit", p.toString(), "--select", "cv:1").err().contains("--select takes bic, cv or cv:K"));
        assertTrue(CliTest.run("fit", p.toString(), "--select", "bic", "--lambda", "1").err().contains("does not combine"));
        assertTrue(CliTest.run("fit", p.toString(), "--select", "bic", "--max-knots", "-2").err().contains("must be >= 0"));
        assertTrue(CliTest.run("fit", p.toString(), "--knots", "2", "--max-knots", "3").err().contains("--max-knots goes with --select"));
    }

    @Test
    void crossValidationChoosesTheKnotCountOfEitherFamily() throws Exception {
        Path p = twoHinges();
        Path model = dir.resolve("cv.json");
        CliTest.Result r = CliTest.run("fit", p.toString(), "--select", "cv:4", "--seed", "7", "--format", "json", "-o", model.toString());
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals("cv", m.get("selection"));
        assertEquals(4.0, m.get("folds"));
        assertEquals(7.0, m.get("seed"));
        assertEquals("knots-least-squares", m.get("mode"));
        assertEquals(2.0, m.get("knotCount"));
        assertTrue(((List<?>) m.get("curve")).size() >= 3);
        assertTrue(Files.exists(model));
        Map<?, ?> minimax = (Map<?, ?>) Json.parse(CliTest.run("fit", p.toString(), "--select", "cv", "--minimax", "--format", "json").out());
        assertEquals("knots", minimax.get("mode"));
        assertEquals(2.0, minimax.get("knotCount"));
        assertTrue((Double) minimax.get("maxError") < 0.05, minimax.toString());
        CliTest.Result text = CliTest.run("fit", p.toString(), "--select", "cv");
        assertTrue(text.out().contains("5-fold cross-validation (seed 1") && text.out().contains("<- chosen"), text.out());
        String[][] refused = {
                {"--select", "bic", "--minimax"}, {"--select", "bic", "--seed", "3"}, {"--minimax"}, {"--seed", "2"},
                {"--select", "cv", "--knots", "2"}, {"--select", "cv:41"}};
        String[] named = {"--minimax goes with --select cv", "--seed goes with --select cv", "--minimax goes with --select",
                "--seed goes with --select", "does not combine", "needs at least 2 folds and 82 rows"};
        for (int t = 0; t < refused.length; t++) {
            String[] args = new String[refused[t].length + 1];
            args[0] = p.toString();
            System.arraycopy(refused[t], 0, args, 1, refused[t].length);
            assertFitRefusedWritingNothing(args, named[t]);
        }
    }

    @Test
    void shapesAreKeptOrRefusedByName() throws Exception {
        Path rising = dir.resolve("rising.csv");
        Files.writeString(rising, "x,y\n0,0\n1,1\n2,1\n3,2.5\n4,2.6\n5,4\n");
        CliTest.Result r = CliTest.run("fit", rising.toString(), "--shape", "increasing", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(r.out());
        assertEquals("increasing", m.get("shape"));
        assertEquals(4.0, m.get("neurons"));
        Path noisy = dir.resolve("noisy-rise.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 60; i++) {
            sb.append(i).append(',').append(Math.min(i, 30) + 0.8 * Math.sin(7 * i)).append('\n');
        }
        Files.writeString(noisy, sb.toString());
        Map<?, ?> tube = (Map<?, ?>) Json.parse(CliTest.run("fit", noisy.toString(), "--tube", "1", "--shape", "increasing",
                "--format", "json").out());
        assertEquals("increasing", tube.get("shape"));
        assertEquals("tube", tube.get("mode"));
        String[][] refused = {
                {rising.toString(), "--shape", "convex"},
                {noisy.toString(), "--tube", "0.1", "--shape", "increasing"},
                {noisy.toString(), "--tube", "1", "--shape", "convex"},
                {noisy.toString(), "--lambda", "1", "--shape", "increasing"},
                {noisy.toString(), "--knots", "2", "--shape", "decreasing"}};
        String[] named = {"the data are not convex: the slope goes from 1.0 to 0.0 at x = 1.0",
                "no non-decreasing function meets every tube", "convex and concave tube fits are not built yet",
                "do not take a shape yet", "do not take a shape yet"};
        for (int t = 0; t < refused.length; t++) {
            assertFitRefusedWritingNothing(refused[t], named[t]);
        }
        assertEquals(2, CliTest.run("fit", rising.toString(), "--shape", "wiggly").code());
    }

    /** 80 rows of two hinges (at 3 and 7) with a little deterministic noise. */
    private Path twoHinges() throws Exception {
        Path p = dir.resolve("two-hinges.csv");
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 80; i++) {
            double x = i / 8.0;
            sb.append(x).append(',').append(Math.max(0, x - 3) * 2 - Math.max(0, x - 7) * 3 + 0.02 * Math.sin(11 * i)).append('\n');
        }
        return Files.writeString(p, sb.toString());
    }

    /** {@code fit ARGS -o OUT} fails (exit 1) with a message naming {@code named}, and OUT does not exist. */
    private void assertFitRefusedWritingNothing(String[] args, String named) throws Exception {
        Path out = Files.createTempFile(dir, "refused", ".json");
        Files.delete(out);
        String[] all = new String[args.length + 3];
        all[0] = "fit";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 2] = "-o";
        all[all.length - 1] = out.toString();
        CliTest.Result e = CliTest.run(all);
        assertEquals(1, e.code(), String.join(" ", args));
        assertTrue(e.err().contains(named), e.err());
        assertTrue(!Files.exists(out), "nothing written for " + String.join(" ", args));
    }
}
