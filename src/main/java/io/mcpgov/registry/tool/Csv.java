package io.mcpgov.registry.tool;

import java.util.List;

/**
 * RFC 4180 CSV: every field quoted, quotes doubled, CRLF between records. A field that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or carriage return) gets a leading apostrophe.
 */
final class Csv {

    private Csv() {
    }

    static String record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
