package io.pagelens.observe;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes log fields as one logfmt line: {@code key=value} pairs separated by spaces. {@code ts} and {@code level}
 * are bare tokens, numbers and booleans are bare, every other value is quoted with {@code \"}, {@code \\},
 * {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} escapes, so a newline or a quote inside a message
 * or a stack trace can never break the line. Keys keep {@code [A-Za-z0-9_.-/]}; other characters become {@code _}.
 */
final class LogfmtWriter {
    private LogfmtWriter() {
    }

    static String line(Map<String, Object> fields) {
        StringBuilder b = new StringBuilder(256);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!b.isEmpty()) b.append(' ');
            key(b, e.getKey());
            b.append('=');
            Object v = e.getValue();
            if (e.getKey().equals("ts") || e.getKey().equals("level")) b.append(v);
            else value(b, v);
        }
        return b.append('\n').toString();
    }

    private static void key(StringBuilder b, String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' || c == '/';
            b.append(ok ? c : '_');
        }
    }

    static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
            return;
        }
        if (v instanceof Boolean) {
            b.append(v);
            return;
        }
        String number = JsonLogWriter.number(v);
        if (number != null) {
            b.append(number);
            return;
        }
        quote(b, v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
