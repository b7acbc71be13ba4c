package dev.sparsest.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads for one training run: {@link #run} calls {@code task.accept(t)} for
 * t = 0 .. size - 1, part 0 on the calling thread and the others on daemon workers, and returns
 * when all are done. Rounds are short (tens of microseconds, once per epoch), so the handover is
 * a spin on a volatile round counter, falling back to parking after about 50 microseconds so an
 * idle team costs no CPU. Not reentrant; one caller at a time; {@link #close} ends the workers.
 */
final class Workers implements AutoCloseable {
    private static final long SPIN_NANOS = 50_000;

    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int round;
    private volatile boolean closed;
    private volatile IntConsumer task;
    private volatile Throwable failure;

    Workers(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + size);
        }
        threads = new Thread[size - 1];
        for (int t = 1; t < size; t++) {
            int part = t;
            Thread th = new Thread(() -> loop(part), "sparsest-train-" + t);
            th.setDaemon(true);
            threads[t - 1] = th;
            th.start();
        }
    }

    int size() {
        return threads.length + 1;
    }

    void run(IntConsumer work) {
        if (threads.length == 0) {
            work.accept(0);
            return;
        }
        task = work;
        failure = null;
        pending.set(threads.length);
        round++; // publishes task and pending (volatile write)
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
        Throwable own = null;
        try {
            work.accept(0);
        } catch (Throwable e) {
            own = e;
        }
        long start = System.nanoTime();
        while (pending.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(10_000);
            }
        }
        Throwable e = own != null ? own : failure;
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
    }

    private void loop(int part) {
        int seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (round == seen && !closed) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = round;
            try {
                task.accept(part);
            } catch (Throwable e) {
                failure = e;
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
    }
}
