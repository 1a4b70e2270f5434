package io.mcpgov.registry.classification.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.testing.FakeSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan's work is linear in the document: no pattern it runs backtracks on hostile input. Measured in characters
 * read, not in time: each pattern reads a pathological text through a counting {@link CharSequence}, and a quadratic
 * pattern would read it thousands of times over.
 */
class SecretScanBoundsTest {

    private static final int LENGTH = 10_000;
    /** Reads per character allowed: the longest bounded repetition (8,000 for a JWT part) spread over its run. */
    private static final int READS_PER_CHARACTER = 600;

    static Stream<String> pathological() {
        FakeSecrets fake = new FakeSecrets(5);
        return Stream.of("${", "{{", "{", "<", "%a", "$a", "eyJ", "eyJaaaaaaaaa.", "ghp_", "github_pat_", "sk-",
                        "sk-ant-", "xoxb-", "AKIA", "AIza", "glpat-", "-----BEGIN ", "-----BEGIN PRIVATE KEY-----\\n",
                        "a=", "password=", "a:", "password: \"", "Bearer ", "bearer\t", "a", "A", "0", "/", "+", "=",
                        "-", "_", ".", "a-", "://", "a@", "%", "\\n", " ", "x".repeat(63) + ":", "a".repeat(40) + "/")
                .flatMap(unit -> Stream.of(unit.repeat(LENGTH / unit.length()),
                        unit + "a".repeat(LENGTH), unit + "A1".repeat(LENGTH / 2), fake.alnum(LENGTH) + unit));
    }

    @ParameterizedTest
    @MethodSource("pathological")
    void noPatternReadsTheTextMoreThanABoundedNumberOfTimes(String text) {
        for (Pattern pattern : patterns()) {
            CountingText counted = new CountingText(text);
            Matcher m = pattern.matcher(counted);
            while (m.find()) {
                // every match, as the scan takes them
            }
            m.reset();
            m.matches();
            assertTrue(counted.reads <= (long) READS_PER_CHARACTER * text.length(),
                    () -> pattern + " read " + counted.reads + " characters of a text of " + text.length());
        }
    }

    @Test
    void aDocumentOfPathologicalStringsIsScannedWithEveryFindingBounded() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode doc = nodes.objectNode();
        ArrayNode strings = doc.putObject("_meta").putArray("password");
        pathological().limit(60).forEach(strings::add);
        SecretScanner.Findings findings = new SecretScanner().findings(doc);
        assertTrue(findings.found().size() <= SecretScanner.MAX_FINDINGS);
    }

    /** Every pattern the scan runs; each source must name its own, or the test would feed nothing to them. */
    private static List<Pattern> patterns() {
        assertTrue(TokenShapes.patterns().size() >= 10, "the token formats' patterns");
        assertTrue(SecretDetector.patterns().size() >= 10, "the detector's patterns");
        List<Pattern> patterns = new ArrayList<>(TokenShapes.patterns());
        patterns.addAll(SecretDetector.patterns());
        patterns.add(Placeholders.spans());
        return patterns;
    }

    /** A text that counts how often the pattern reads one of its characters. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
