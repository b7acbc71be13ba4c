package dev.sparsest.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on stderr: one bar on a terminal; otherwise (a redirected run, a CI
 * log) a plain line every {@value #LINE_EVERY_SECONDS} seconds, so the run is seen to move without
 * filling the log. Steps may come from several threads; they never go back.
 */
final class ProgressDisplay implements AutoCloseable {
    static final int LINE_EVERY_SECONDS = 5;

    private final String task;
    private final long max;
    private final String unit;
    private final ProgressBar bar;
    private final PrintStream lines;
    private final LongSupplier clock;
    private final long begin;
    private long nextLine;
    private long done;

    ProgressDisplay(String task, long max, String unit, boolean terminal, PrintStream lines, LongSupplier clock) {
        this.task = task;
        this.max = max;
        this.unit = unit;
        this.lines = lines;
        this.clock = clock;
        this.begin = clock.getAsLong();
        this.nextLine = begin + LINE_EVERY_SECONDS * 1_000_000_000L;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).continuousUpdate().build() : null;
    }

    /**
     * A bar when stderr's JVM has a terminal, lines otherwise.
     *
     * @param max  the steps to go, or -1 when not known in advance
     * @param unit what a step is ("epochs", "networks")
     */
    static ProgressDisplay open(String task, long max, String unit) {
        return new ProgressDisplay(task, max, unit, System.console() != null, System.err, System::nanoTime);
    }

    /** Steps done so far (a smaller count than before is ignored) and a short status, or null. */
    synchronized void stepTo(long steps, String status) {
        if (steps < done) {
            return;
        }
        done = steps;
        if (bar != null) {
            bar.stepTo(steps);
            if (status != null) {
                bar.setExtraMessage(status);
            }
            return;
        }
        long now = clock.getAsLong();
        if (now - nextLine >= 0) {
            nextLine = now + LINE_EVERY_SECONDS * 1_000_000_000L;
            lines.printf(Locale.ROOT, "%s: %d%s %s%s, %.0f s%n", task, steps, max > 0 ? " of " + max : "", unit,
                    status == null ? "" : ", " + status, (now - begin) / 1e9);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
