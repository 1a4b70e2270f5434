package io.mcpgov.registry.classification.scan;

import java.util.HashMap;
import java.util.Map;

final class Entropy {

    private Entropy() {
    }

    /** Shannon entropy in bits per character of the character distribution of {@code text}. */
    static double shannon(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = text.codePointCount(0, text.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
