package io.mcpgov.registry.server;

import java.lang.invoke.VarHandle;

/**
 * List pages reached through a cursor, kept in one array allocated once and overwritten in order, oldest first.
 * Clients walking the list read such a page many times within seconds and then not again. Kept as objects of their
 * own, those pages outlived a young collection each and were dropped soon after, filling the old generation for a
 * full collection to sweep: tens of milliseconds every few seconds while clients walked. In the ring a page costs
 * the collector nothing; a read copies it out, and the copy dies young.
 * <p>
 * Pages are written under a lock and read without one: a writer claims its bytes (moves {@link #head}) before it
 * writes them, and a read checks after copying that nothing it copied had been claimed since, else it gets null, as
 * if the page had never been kept.
 */
final class PageRing {

    /** The largest array a JVM allocates everywhere. */
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private final byte[] memory;
    /** Bytes claimed since the ring was made: the next page starts here, or at the next lap when it would not fit. */
    private volatile long head;

    /** Where a page was kept. */
    record Slot(long start, int length) {
    }

    PageRing(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("A page ring holds 1 to " + MAX_CAPACITY + " bytes, not " + capacity);
        }
        this.memory = new byte[capacity];
    }

    /** Keeps {@code page} in place of the oldest pages; null when it is larger than the ring. */
    synchronized Slot keep(byte[] page) {
        int capacity = memory.length;
        if (page.length > capacity) {
            return null;
        }
        long start = head;
        int offset = (int) (start % capacity);
        if (page.length > capacity - offset) {
            // a page is never split: it starts the next lap
            start += capacity - offset;
            offset = 0;
        }
        head = start + page.length;
        // the claim above is seen before any byte below by a read that sees one of them
        VarHandle.storeStoreFence();
        System.arraycopy(page, 0, memory, offset, page.length);
        return new Slot(start, page.length);
    }

    /** A copy of the page kept at {@code slot}; null once any of its bytes was claimed by a later page. */
    byte[] read(Slot slot) {
        if (overwritten(slot)) {
            return null;
        }
        byte[] page = new byte[slot.length()];
        System.arraycopy(memory, (int) (slot.start() % memory.length), page, 0, slot.length());
        VarHandle.acquireFence();
        return overwritten(slot) ? null : page;
    }

    /** A later page reaches a byte of this slot once the ring has been claimed a full lap past the slot's start. */
    private boolean overwritten(Slot slot) {
        return head - slot.start() > memory.length;
    }
}
