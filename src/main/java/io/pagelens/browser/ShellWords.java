package io.pagelens.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string into words as a POSIX shell does (no expansion): blanks separate words, single quotes keep
 * everything literal, double quotes keep blanks and honour backslash before {@code " \ $ `}, a backslash outside
 * quotes escapes the next character. So {@code --host-resolver-rules="MAP * ~NOTFOUND"} is one word without quotes.
 */
public final class ShellWords {
    private ShellWords() {
    }

    public static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        if (s == null) return words;
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("unclosed single quote at position " + i + " in: " + s);
                cur.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                        cur.append(s.charAt(i + 1));
                        i += 2;
                    } else {
                        cur.append(d);
                        i++;
                    }
                }
                if (!closed) throw new IllegalArgumentException("unclosed double quote in: " + s);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < n) cur.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                cur.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(cur.toString());
        return words;
    }
}
