package io.mcpgov.registry.server;

/**
 * One cached answer's bytes. Answers up to {@link #COMPRESS_UP_TO} bytes, most of them single versions, are kept
 * compressed: several times as many fit in the same memory, at the price of expanding them on every read (a few
 * microseconds, against a query and a serialisation for an answer that no longer fits). Larger answers (list pages)
 * are kept as they are, and shared by every read that gets them: expanding them would cost more than it saves.
 * List pages reached through a cursor are kept in a {@link PageRing}.
 */
sealed interface StoredAnswer {

    int COMPRESS_UP_TO = 16 * 1024;

    /**
     * Bytes kept in memory for this answer alone. A dictionary (8 KB) is shared by the thousands of answers compressed
     * with it, and lives as long as the last of them: within max-age after a new one is learned.
     */
    int storedBytes();

    /**
     * The answer, or null when it is no longer kept; not to be changed, since it may be the kept bytes themselves.
     * Throws what the computation of a {@link Failed} answer threw.
     */
    byte[] read();

    static StoredAnswer of(byte[] answer, AnswerCompression compression) {
        if (answer.length > COMPRESS_UP_TO) {
            return new AsItIs(answer);
        }
        AnswerCompression.Compressed compressed = compression.compress(answer);
        return new Compressed(compressed.bytes(), answer.length, compressed.dictionary());
    }

    /** {@code answer} kept in {@code ring}; null when it is larger than the ring. */
    static StoredAnswer inRing(byte[] answer, PageRing ring) {
        PageRing.Slot slot = ring.keep(answer);
        return slot == null ? null : new InRing(ring, slot);
    }

    record AsItIs(byte[] bytes) implements StoredAnswer {
        @Override
        public int storedBytes() {
            return bytes.length;
        }

        @Override
        public byte[] read() {
            return bytes;
        }
    }

    record Compressed(byte[] bytes, int length, byte[] dictionary) implements StoredAnswer {
        @Override
        public int storedBytes() {
            return bytes.length;
        }

        @Override
        public byte[] read() {
            return AnswerCompression.expand(bytes, length, dictionary);
        }
    }

    /**
     * A computation that failed (a 404, a database that did not answer), held only until the reads that waited for it
     * have it: a failure the cache's own machinery would log as unexpected for every missing entry.
     */
    record Failed(RuntimeException failure) implements StoredAnswer {
        @Override
        public int storedBytes() {
            return 0;
        }

        @Override
        public byte[] read() {
            throw failure;
        }
    }

    record InRing(PageRing ring, PageRing.Slot slot) implements StoredAnswer {
        @Override
        public int storedBytes() {
            return slot.length();
        }

        @Override
        public byte[] read() {
            return ring.read(slot);
        }
    }
}
