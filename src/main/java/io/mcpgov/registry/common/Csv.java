package io.mcpgov.registry.common;

import java.time.Instant;
import java.util.List;

/**
 * The registry's one CSV writer (RFC 4180, CRLF between records). A field is quoted when it holds a comma, a quote or a
 * line break, with quotes doubled. A text field that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe; numbers are written as they are.
 */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** One record, CRLF included; a null field is empty. */
    public static String record(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant t ? t.toString() : value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
