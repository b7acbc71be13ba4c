package dev.sparsest.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Off a terminal, progress is a line every few seconds of the (here simulated) clock, never a step back. */
class ProgressDisplayTest {
    @Test
    void aLineEveryFewSecondsWhenNotATerminal() {
        long[] now = {1_000};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressDisplay p = new ProgressDisplay("training", 100, "epochs", false, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> now[0])) {
            p.stepTo(10, "loss 1"); // at 0 s: too early
            now[0] += 4_000_000_000L;
            p.stepTo(20, "loss 0.5"); // 4 s
            now[0] += 1_000_000_000L;
            p.stepTo(30, "loss 0.25"); // 5 s: the first line
            p.stepTo(25, "stale"); // another thread's older count: ignored
            now[0] += 3_000_000_000L;
            p.stepTo(40, null); // 8 s: not yet again
            now[0] += 2_000_000_000L;
            p.stepTo(50, null); // 10 s: the second line
        }
        assertEquals("training: 30 of 100 epochs, loss 0.25, 5 s\ntraining: 50 of 100 epochs, 10 s\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void anOpenEndedCountHasNoTotal() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressDisplay p = new ProgressDisplay("lambda path", -1, "networks", false, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> now[0])) {
            now[0] = 6_000_000_000L;
            p.stepTo(7, null);
        }
        assertEquals("lambda path: 7 networks, 6 s\n", bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
