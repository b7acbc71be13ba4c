package dev.sparsest.exact;

import dev.sparsest.data.InvalidDataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact univariate fits of many series at once, on a fixed number of threads: the series lie
 * one after another in two arrays, series s at points {@code offsets[s]..offsets[s+1]}, each
 * finite with x strictly increasing. A refused series (too few points, x not increasing, data
 * doubles cannot answer for) gets an error in the {@link BatchOutput}; the others are fitted as
 * {@link ChordPathFitter} fits them, with the same answers bit for bit whatever the thread count.
 *
 * <p>With one thread the caller's thread does the work and a batch allocates nothing once the
 * buffers have grown (errors aside). With more, it owns that many minus one worker threads
 * (daemons, started on the first batch) and the caller works beside them; series are handed out
 * in chunks from a shared counter, so uneven series balance. One batch at a time (calls are
 * serialized); {@link #close()} stops the workers.
 */
public final class BatchFitter implements AutoCloseable {
    /** Chunks per thread: enough to balance uneven series, few enough to keep hand-out cheap. */
    private static final int CHUNKS_PER_THREAD = 16;

    private final int threads;
    private final ChordPathFitter[] fitters;
    private final FitOutput[] outputs;
    private ExecutorService workers;

    /** A batch fitter on {@code threads} threads with the default collinearity tolerance. */
    public BatchFitter(int threads) {
        this(threads, ChordGeometry.DEFAULT_TOLERANCE);
    }

    /** A batch fitter on {@code threads} threads (1 = the caller's only) and a tolerance. */
    public BatchFitter(int threads, double tolerance) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
        this.fitters = new ChordPathFitter[threads];
        this.outputs = new FitOutput[threads];
        for (int t = 0; t < threads; t++) {
            fitters[t] = new ChordPathFitter(tolerance);
            outputs[t] = new FitOutput();
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Fits every series into {@code out}: series s is points {@code offsets[s]} (inclusive) to
     * {@code offsets[s + 1]} (exclusive) of {@code x} and {@code y}; {@code offsets} has one entry
     * more than there are series, never decreasing, within the arrays. If a series' fit fails
     * for a reason other than its data (a bug), the exception is thrown and {@code out} holds no
     * series.
     */
    public synchronized void fit(double[] x, double[] y, int[] offsets, Penalty penalty, BatchOutput out) {
        Objects.requireNonNull(penalty, "penalty");
        requireLayout(x, y, offsets);
        int series = offsets.length - 1;
        out.reserve(series, offsets);
        try {
            if (threads == 1 || series < 2) {
                fitRange(0, 0, series, x, y, offsets, penalty, out);
            } else {
                fitInParallel(series, x, y, offsets, penalty, out);
            }
        } catch (RuntimeException | Error e) {
            out.series = 0; // no half-written batch to read
            throw e;
        }
        int failed = 0;
        for (int s = 0; s < series; s++) {
            if (out.errors[s] != null) {
                failed++;
            }
        }
        out.failed = failed;
    }

    private static void requireLayout(double[] x, double[] y, int[] offsets) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        if (offsets.length < 1) {
            throw new IllegalArgumentException("offsets needs one entry more than there are series (at least {0})");
        }
        if (offsets[0] < 0) {
            throw new IllegalArgumentException("offsets[0] is negative: " + offsets[0]);
        }
        for (int s = 1; s < offsets.length; s++) {
            if (offsets[s] < offsets[s - 1]) {
                throw new IllegalArgumentException("offsets decrease at " + s + ": " + offsets[s - 1] + ", then " + offsets[s]);
            }
        }
        if (offsets[offsets.length - 1] > x.length) {
            throw new IllegalArgumentException("the last offset " + offsets[offsets.length - 1]
                    + " lies past the " + x.length + " points");
        }
    }

    private void fitRange(int worker, int from, int to, double[] x, double[] y, int[] offsets, Penalty penalty, BatchOutput out) {
        ChordPathFitter fitter = fitters[worker];
        FitOutput fit = outputs[worker];
        for (int s = from; s < to; s++) {
            try {
                fitter.fit(x, y, offsets[s], offsets[s + 1] - offsets[s], penalty, fit);
                out.store(s, fit);
            } catch (InvalidDataException e) {
                out.refuse(s, e.getMessage());
            }
        }
    }

    private void fitInParallel(int series, double[] x, double[] y, int[] offsets, Penalty penalty, BatchOutput out) {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "sparsest-batch");
                t.setDaemon(true);
                return t;
            });
        }
        int chunk = Math.max(1, series / (threads * CHUNKS_PER_THREAD));
        int chunks = (series + chunk - 1) / chunk;
        AtomicInteger nextChunk = new AtomicInteger(); // this batch's: a late worker cannot take the next one's
        List<Future<?>> running = new ArrayList<>(threads - 1);
        for (int w = 1; w < threads; w++) {
            int worker = w;
            running.add(workers.submit(() -> work(worker, nextChunk, chunk, chunks, series, x, y, offsets, penalty, out)));
        }
        Throwable failure = null;
        try {
            work(0, nextChunk, chunk, chunks, series, x, y, offsets, penalty, out);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // wait for every worker, interrupted or not: none may still write when the lock is released
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private void work(int worker, AtomicInteger nextChunk, int chunk, int chunks, int series, double[] x, double[] y,
                      int[] offsets, Penalty penalty, BatchOutput out) {
        for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
            int from = c * chunk;
            fitRange(worker, from, Math.min(series, from + chunk), x, y, offsets, penalty, out);
        }
    }

    /** Stops the worker threads (a later batch starts them again). */
    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.shutdown();
            workers = null;
        }
    }
}
