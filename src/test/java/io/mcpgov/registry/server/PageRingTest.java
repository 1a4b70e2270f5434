package io.mcpgov.registry.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PageRingTest {

    @Test
    void aKeptPageIsReadBackUntilLaterPagesOverwriteIt() {
        PageRing ring = new PageRing(100);
        PageRing.Slot first = ring.keep(page(40, 1));
        PageRing.Slot second = ring.keep(page(40, 2));

        assertArrayEquals(page(40, 1), ring.read(first));
        assertArrayEquals(page(40, 1), ring.read(first), "a read leaves the page in place");

        PageRing.Slot third = ring.keep(page(40, 3));

        assertNull(ring.read(first), "the third page starts a lap, where the first one was");
        assertArrayEquals(page(40, 2), ring.read(second));
        assertArrayEquals(page(40, 3), ring.read(third));
    }

    @Test
    void aPageIsNeverSplitAcrossTheEndOfTheRing() {
        PageRing ring = new PageRing(100);
        ring.keep(page(60, 1));
        PageRing.Slot wrapped = ring.keep(page(50, 2));

        assertEquals(100, wrapped.start(), "the page starts the next lap instead of at 60");
        assertArrayEquals(page(50, 2), ring.read(wrapped));
    }

    @Test
    void aPageLargerThanTheRingIsNotKept() {
        PageRing ring = new PageRing(100);
        assertNull(ring.keep(page(101, 1)));
        assertNotNull(ring.keep(page(100, 1)));
        assertThrows(IllegalArgumentException.class, () -> new PageRing(0));
    }

    @Test
    void concurrentReadsGetAWholePageOrNothing() throws InterruptedException {
        PageRing ring = new PageRing(4096);
        AtomicReference<PageRing.Slot> latest = new AtomicReference<>(ring.keep(page(1000, 0)));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger whole = new AtomicInteger();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 1; i < 200_000; i++) {
                latest.set(ring.keep(page(700 + i % 600, i)));
            }
            writing.set(false);
        });
        Thread[] readers = new Thread[3];
        for (int r = 0; r < readers.length; r++) {
            readers[r] = new Thread(() -> {
                PageRing.Slot old = latest.get();
                while (writing.get()) {
                    // an older slot is overwritten while it is copied now and then: that read must get null
                    for (PageRing.Slot slot : new PageRing.Slot[] {latest.get(), old}) {
                        byte[] read = ring.read(slot);
                        if (read == null) {
                            continue;
                        }
                        byte first = read[0];
                        for (byte b : read) {
                            if (b != first) {
                                torn.set("a page of " + first + " held " + b);
                            }
                        }
                        whole.incrementAndGet();
                    }
                    old = latest.get();
                }
            });
        }
        for (Thread reader : readers) {
            reader.start();
        }
        writer.start();
        writer.join();
        for (Thread reader : readers) {
            reader.join();
        }

        assertNull(torn.get(), torn.get());
        assertTrue(whole.get() > 0);
    }

    private static byte[] page(int length, int fill) {
        byte[] page = new byte[length];
        Arrays.fill(page, (byte) fill);
        return page;
    }
}
