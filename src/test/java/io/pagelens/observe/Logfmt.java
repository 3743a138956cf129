package io.pagelens.observe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict logfmt parser for tests: {@code key=value} pairs separated by single spaces; a value is bare (no space,
 * quote, {@code =} or control character) or double-quoted with {@code \" \\ \n \r \t \}{@code uXXXX} escapes. Anything
 * else (a raw newline, an unescaped quote, a stray word) throws, so a test fails on a line a log tool would misread.
 */
public final class Logfmt {
    private Logfmt() {
    }

    /** Parsed fields; quoted values as strings, bare values as strings too (callers check numbers were bare). */
    public static Map<String, Value> parse(String line) {
        Map<String, Value> out = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            int eq = line.indexOf('=', i);
            if (eq <= i) throw new IllegalArgumentException("no key at " + i + ": " + line);
            String key = line.substring(i, eq);
            for (char c : key.toCharArray()) {
                if (c <= ' ' || c == '"') throw new IllegalArgumentException("bad key '" + key + "' in: " + line);
            }
            i = eq + 1;
            Value v;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("unterminated quote for " + key + ": " + line);
                    char c = line.charAt(i++);
                    if (c == '"') break;
                    if (c < ' ') throw new IllegalArgumentException("raw control character in " + key + ": " + line);
                    if (c != '\\') {
                        b.append(c);
                        continue;
                    }
                    char e = line.charAt(i++);
                    switch (e) {
                        case '"' -> b.append('"');
                        case '\\' -> b.append('\\');
                        case 'n' -> b.append('\n');
                        case 'r' -> b.append('\r');
                        case 't' -> b.append('\t');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + key + ": " + line);
                    }
                }
                v = new Value(b.toString(), true);
            } else {
                int end = line.indexOf(' ', i);
                if (end < 0) end = n;
                String raw = line.substring(i, end);
                for (char c : raw.toCharArray()) {
                    if (c < ' ' || c == '"' || c == '=') throw new IllegalArgumentException("bad bare value for " + key + ": " + line);
                }
                if (raw.isEmpty()) throw new IllegalArgumentException("empty bare value for " + key + ": " + line);
                v = new Value(raw, false);
                i = end;
            }
            if (out.put(key, v) != null) throw new IllegalArgumentException("key " + key + " twice: " + line);
            if (i < n) {
                if (line.charAt(i) != ' ') throw new IllegalArgumentException("no space after " + key + ": " + line);
                i++;
            }
        }
        return out;
    }

    /** A value and whether it was quoted. */
    public record Value(String text, boolean quoted) {
    }
}
