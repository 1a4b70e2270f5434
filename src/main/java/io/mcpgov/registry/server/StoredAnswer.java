package io.mcpgov.registry.server;

/**
 * One cached answer's bytes. Answers up to {@link #COMPRESS_UP_TO} bytes, most of them single versions, are kept
 * compressed: two to three times as many fit in the same memory, at the price of expanding them on every read (a few
 * microseconds, against a query and a serialisation for an answer that no longer fits). Larger answers (list pages)
 * are kept as they are, and shared by every read that gets them: expanding them would cost more than it saves.
 */
final class StoredAnswer {

    static final int COMPRESS_UP_TO = 16 * 1024;

    private final byte[] bytes;
    private final int length;
    private final boolean compressed;

    private StoredAnswer(byte[] bytes, int length, boolean compressed) {
        this.bytes = bytes;
        this.length = length;
        this.compressed = compressed;
    }

    static StoredAnswer of(byte[] answer) {
        boolean compress = answer.length <= COMPRESS_UP_TO;
        return new StoredAnswer(compress ? AnswerCompression.compress(answer) : answer, answer.length, compress);
    }

    /** Bytes kept in memory. */
    int storedBytes() {
        return bytes.length;
    }

    /** The answer; not to be changed, since it may be the kept bytes themselves. */
    byte[] read() {
        return compressed ? AnswerCompression.expand(bytes, length) : bytes;
    }
}
