package io.mcpgov.registry.server;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflate for small cached answers, primed with a dictionary learned from the answers themselves. A single answer of
 * a kilobyte or two is too short to teach the compressor what answers share (the official API's field names, the
 * governance extension's keys, hosts, scopes, descriptions in the same words), and a few recent answers hold all of
 * it: a single version is kept in less than half the bytes a handwritten dictionary of field names left. Each answer keeps the dictionary it
 * was compressed with, so a new one can be learned at any time: after every {@link #RELEARN_AFTER} answers, the next
 * {@link #DICTIONARY_BYTES} of answers become the dictionary, which follows the data as it changes (a registry that
 * started empty learns again once it has entries). Compressors hold native memory, so a few are kept for reuse
 * instead of one per thread.
 */
final class AnswerCompression {

    /**
     * A quarter of deflate's window. Priming a compressor with its dictionary costs time in proportion to the
     * dictionary's length, on every answer kept: with 32 KB a version's answer of two kilobytes took about 58 µs to
     * compress and was kept in 252 bytes, with 8 KB about 32 µs and 306 bytes (expanding costs the same, under 4 µs).
     * The microseconds fall on every read that misses; the 54 bytes more are about a twelfth of the heap a version's
     * entry takes in the cache (about 630 bytes, docs/read-cache.md).
     */
    static final int DICTIONARY_BYTES = 8 * 1024;
    /** Answers compressed with one dictionary before the next is collected. */
    static final int RELEARN_AFTER = 4096;
    /** Shorter answers (an empty page, a 404-sized answer) teach little. */
    static final int TEACHES_FROM = 256;

    private static final byte[] NO_DICTIONARY = new byte[0];
    private static final int KEPT = 8;
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(KEPT);
    private static final BlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(KEPT);

    private volatile byte[] dictionary = NO_DICTIONARY;
    private final ByteArrayOutputStream sample = new ByteArrayOutputStream(DICTIONARY_BYTES);
    /** Answers compressed since the dictionary was learned; guarded by {@link #sample}. */
    private int sinceLearnt;

    /** An answer compressed, with the dictionary needed to expand it. */
    record Compressed(byte[] bytes, byte[] dictionary) {
    }

    Compressed compress(byte[] answer) {
        byte[] primer = dictionary;
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        try {
            if (primer.length > 0) {
                deflater.setDictionary(primer);
            }
            deflater.setInput(answer);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length / 4 + 64);
            byte[] chunk = new byte[Math.min(answer.length + 64, 8192)];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            learn(answer);
            return new Compressed(out.toByteArray(), primer);
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /** The {@code length} bytes that {@link #compress} made {@code compressed} from, with its {@code dictionary}. */
    static byte[] expand(byte[] compressed, int length, byte[] dictionary) {
        Inflater inflater = INFLATERS.poll();
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        try {
            if (dictionary.length > 0) {
                inflater.setDictionary(dictionary);
            }
            inflater.setInput(compressed);
            byte[] answer = new byte[length];
            int done = 0;
            while (done < length) {
                int n = inflater.inflate(answer, done, length - done);
                if (n == 0) {
                    throw new IllegalStateException("A cached answer expanded to " + done + " of " + length + " bytes");
                }
                done += n;
            }
            return answer;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A cached answer could not be expanded", e);
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }

    /** The dictionary answers are compressed with now (empty until enough answers were seen). */
    byte[] dictionary() {
        return dictionary;
    }

    private void learn(byte[] answer) {
        if (answer.length < TEACHES_FROM) {
            return;
        }
        synchronized (sample) {
            if (dictionary.length > 0 && ++sinceLearnt <= RELEARN_AFTER) {
                return;
            }
            sample.write(answer, 0, answer.length);
            if (sample.size() >= DICTIONARY_BYTES) {
                byte[] seen = sample.toByteArray();
                // the latest answers last: deflate finds matches nearest the end of the window cheapest
                dictionary = Arrays.copyOfRange(seen, seen.length - DICTIONARY_BYTES, seen.length);
                sample.reset();
                sinceLearnt = 0;
            }
        }
    }
}
