package dev.sparsest.cli;

import dev.sparsest.model.UnivariateJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real `sparsest train` process stopped by a signal (SIGTERM, which runs the same shutdown hook
 * as Ctrl-C): no model at -o, the state so far at --checkpoint, a complete model file.
 */
class TrainInterruptTest {
    @TempDir
    Path dir;

    @Test
    void aSignalWritesTheCheckpointAndNoModel() throws Exception {
        Path data = Files.writeString(dir.resolve("peak.csv"), "-2 0\n-1 0\n0 1\n1 1\n2 0\n3 0\n");
        Path model = dir.resolve("model.json");
        Path state = dir.resolve("state.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process proc = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", data.toString(), "--verbose", "--epochs", "2000000000", "-o", model.toString(), "--checkpoint", state.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            // --verbose prints the kernel choice once the interruption hook is installed
            String line;
            while ((line = out.readLine()) != null && !line.contains("sparsest kernels")) {
                // JVM and logging preamble
            }
            Thread.sleep(300);
            proc.toHandle().destroy(); // SIGTERM, leaving our end of the pipes open (Process.destroy closes them)
            StringBuilder rest = new StringBuilder();
            while ((line = out.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "the process ends");
            assertTrue(rest.toString().contains("interrupted at epoch"), rest.toString());
        }
        assertFalse(Files.exists(model), "no model at -o after an interruption");
        assertTrue(Files.exists(state), "the checkpoint is written");
        assertTrue(UnivariateJson.read(Files.readString(state)).neurons() >= 0, "a complete, readable model");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }
}
