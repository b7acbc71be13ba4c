package dev.sparsest.cli;

import dev.sparsest.data.UnivariateDataset;
import dev.sparsest.json.Json;
import dev.sparsest.train.Sweep;
import dev.sparsest.train.TrainConfig;
import dev.sparsest.train.TrainedUnivariate;
import dev.sparsest.train.UnivariateTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainer sweeps in one JVM: the library call against single runs, and the sweep command. */
class SweepCommandTest {
    @TempDir
    Path dir;

    private static final double[][] X = {{-2}, {-1}, {0}, {1}, {2}, {3}};
    private static final double[] Y = {1, 0, 0, 1, 0, 2};

    private static TrainConfig config(double p, long seed) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("p", p);
        s.put("seed", (double) seed);
        s.put("epochs", 2000.0);
        s.put("width", 16.0);
        return Sweep.config(s);
    }

    @Test
    void everyRunEqualsItsSingleRunOnAnyThreadCount() throws Exception {
        List<TrainConfig> configs = new ArrayList<>();
        for (double p : new double[] {0.4, 0.8}) {
            for (long seed = 1; seed <= 3; seed++) {
                configs.add(config(p, seed));
            }
        }
        List<Sweep.Outcome> one = Sweep.runAll(configs, X, Y, 1);
        List<Sweep.Outcome> three = Sweep.runAll(configs, X, Y, 3);
        UnivariateDataset data = UnivariateDataset.of(new double[] {-2, -1, 0, 1, 2, 3}, Y);
        for (int i = 0; i < configs.size(); i++) {
            TrainedUnivariate own = new UnivariateTrainer(configs.get(i)).train(data);
            for (Sweep.Outcome o : List.of(one.get(i), three.get(i))) {
                assertNull(o.error());
                assertEquals(own.network().neurons(), o.neurons(), "run " + i);
                assertEquals(own.mseTrained(), o.mseTrained(), "run " + i);
                assertEquals(own.mseAfterPolish(), o.mse(), "run " + i);
            }
        }
    }

    @Test
    void settingsAreCheckedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.config(Map.of("rate", 0.1)))
                .getMessage().contains("unknown setting 'rate'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.config(Map.of("width", 2.5)))
                .getMessage().contains("width must be a whole number"));
        assertEquals(TrainConfig.defaults().withThreads(1).toString(), Sweep.config(Map.of()).toString());
    }

    @Test
    void theCommandWritesOneRowPerConfigurationAndErrorsInTheirRows() throws Exception {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "x,y\n-2,1\n-1,0\n0,0\n1,1\n2,0\n3,2\n");
        Path grid = dir.resolve("c.csv");
        Files.writeString(grid, "p,seed,epochs,width\n0.4,1,2000,16\n0.4,2,1.5,16\n0.8,3,2000,16\n");
        Path out = dir.resolve("r.csv");
        CliTest.Result r = CliTest.run("sweep", data.toString(), grid.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("3 configuration(s), 1 with errors"), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("p,seed,epochs,width," + SweepCommand.RESULT_COLUMNS, lines.get(0));
        assertTrue(lines.get(1).startsWith("0.4,1,2000,16," + Sweep.run(config(0.4, 1), X, Y).neurons() + ",,"), lines.get(1));
        assertTrue(lines.get(2).contains("c.csv line 3: epochs must be a whole number"), lines.get(2));
        CliTest.Result json = CliTest.run("sweep", data.toString(), grid.toString(), "--format", "json", "--threads", "1");
        Map<?, ?> first = (Map<?, ?>) Json.parse(json.out().split("\n")[0]);
        assertEquals(0.4, first.get("p"));
        assertNull(first.get("error"));
    }

    @Test
    void aConfigurationFileThatIsNotOneIsRefusedWithWhatToWrite() throws Exception {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "x,y\n0,0\n1,1\n");
        Path noHeader = dir.resolve("n.csv");
        Files.writeString(noHeader, "0.5,1\n");
        assertTrue(CliTest.run("sweep", data.toString(), noHeader.toString()).err().contains("the first line must name the settings"));
        Path unknown = dir.resolve("u.csv");
        Files.writeString(unknown, "p,rate\n0.5,1\n");
        assertTrue(CliTest.run("sweep", data.toString(), unknown.toString()).err().contains("column 'rate' is not a setting"));
        Path garbage = dir.resolve("g.csv");
        Files.write(garbage, new byte[] {'p', '\n', 0, (byte) 0xff, ',', '\n'});
        CliTest.Result g = CliTest.run("sweep", data.toString(), garbage.toString());
        assertEquals(1, g.code());
        assertTrue(g.err().contains("g.csv line"), g.err());
    }
}
