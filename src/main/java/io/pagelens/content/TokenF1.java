package io.pagelens.content;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token F1 between two texts: words (letters and digits, lower-cased) compared as bags, the usual
 * measure for main-content extraction. 1.0 when both are empty.
 */
public final class TokenF1 {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private TokenF1() {
    }

    public static double score(String actual, String expected) {
        Map<String, Integer> a = bag(actual);
        Map<String, Integer> e = bag(expected);
        int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
        int sizeE = e.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeA == 0 && sizeE == 0) return 1.0;
        if (sizeA == 0 || sizeE == 0) return 0.0;
        int overlap = 0;
        for (Map.Entry<String, Integer> entry : a.entrySet()) {
            overlap += Math.min(entry.getValue(), e.getOrDefault(entry.getKey(), 0));
        }
        if (overlap == 0) return 0.0;
        double precision = (double) overlap / sizeA;
        double recall = (double) overlap / sizeE;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        if (text == null) return bag;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) bag.merge(m.group(), 1, Integer::sum);
        return bag;
    }
}
