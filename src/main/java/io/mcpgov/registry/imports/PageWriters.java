package io.mcpgov.registry.imports;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Stores an import's pages on a few threads of its own while the next pages are read and checked. The writers act
 * in the importing request (its caller, its request id), at most {@code concurrency} pages are in flight, and a page
 * whose transaction lost a deadlock or serialisation conflict to another page is stored again.
 */
final class PageWriters implements AutoCloseable {

    private static final int ATTEMPTS = 5;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final ExecutorService threads;
    private final Semaphore inFlight;
    private final ManagedContext requestContext;
    private final InjectableContext.ContextState request;
    private final List<Future<?>> pages = new ArrayList<>();
    private volatile RuntimeException failure;

    PageWriters(int writers) {
        int concurrency = Math.max(1, writers);
        int run = RUNS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(concurrency, task -> {
            Thread t = new Thread(task, "import-" + run + "-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(concurrency);
        this.requestContext = Arc.container().requestContext();
        this.request = requestContext.getState();
    }

    /** Stores a page when a writer is free (waiting for one), unless an earlier page failed. */
    void submit(Supplier<ImportRun.Page> store, ImportRun run) {
        throwIfFailed();
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing", e);
        }
        pages.add(threads.submit(() -> {
            requestContext.activate(request);
            try {
                run.add(retrying(store));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                requestContext.deactivate();
                inFlight.release();
            }
        }));
    }

    /** Waits until every page is stored; throws the first failure. */
    void awaitAll() {
        for (Future<?> page : pages) {
            try {
                page.get();
            } catch (ExecutionException e) {
                // reported below, after every other page has finished
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while importing", e);
            }
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    private static ImportRun.Page retrying(Supplier<ImportRun.Page> store) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostToAnotherPage(e)) {
                    throw e;
                }
            }
        }
    }

    /** PostgreSQL's deadlock_detected and serialization_failure: nothing was stored, and trying again may work. */
    static boolean lostToAnotherPage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Lets the pages in flight finish (an import that fails keeps what it stored, page by page), then stops. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
