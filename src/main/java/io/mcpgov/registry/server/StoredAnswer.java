package io.mcpgov.registry.server;

/**
 * One cached answer's bytes. When memory is short, answers up to {@link #COMPRESS_UP_TO} bytes, most of them single
 * versions, are kept compressed: that fits two to three times as many in the same memory, at the price of expanding
 * them on every read. Larger answers (list pages) are always kept as they are, and shared by every read that gets
 * them: expanding them would cost more than it saves.
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

    static StoredAnswer of(byte[] answer, boolean compressIfSmall) {
        boolean compress = compressIfSmall && answer.length <= COMPRESS_UP_TO;
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
