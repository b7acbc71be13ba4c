package dev.sparsest.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT, SIGTERM) during a long command: a shutdown hook records the request and holds
 * the JVM until the command has wound down (at most {@value #GRACE_SECONDS} s), so the command
 * can stop at a safe point and decide what to write; {@link #close} lets the exit proceed.
 */
final class Interruption implements AutoCloseable {
    static final int GRACE_SECONDS = 60;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "sparsest-interrupt");

    Interruption() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void onSignal() {
        requested.set(true);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean requested() {
        return requested.get();
    }

    /** The same as a signal, without one (for tests). */
    void request() {
        requested.set(true);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (the hook is running): nothing to remove
        }
    }
}
