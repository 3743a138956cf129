package io.pagelens.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accuracy of the classifier on one labelled site: per type, and the confusion pairs. */
final class ClassifierScore {
    record Miss(String path, String label, PageType got, PageClassification c) {
    }

    private final String site;
    private final Map<String, int[]> perType = new TreeMap<>(); // label -> {right, total}
    final List<Miss> misses = new ArrayList<>();
    int right;
    int total;

    ClassifierScore(String site) {
        this.site = site;
    }

    void add(String path, SiteTruth truth, PageClassification c) {
        String label = truth.labels().get(path);
        boolean ok = truth.accepts(path, c.type().id());
        total++;
        int[] t = perType.computeIfAbsent(label, k -> new int[2]);
        t[1]++;
        if (ok) {
            right++;
            t[0]++;
        } else {
            misses.add(new Miss(path, label, c.type(), c));
        }
    }

    double accuracy() {
        return total == 0 ? 0 : (double) right / total;
    }

    String report() {
        StringBuilder b = new StringBuilder(String.format("%s: %d/%d = %.1f%%%n", site, right, total, 100 * accuracy()));
        perType.forEach((type, t) -> b.append(String.format("  %-10s %d/%d%n", type, t[0], t[1])));
        Map<String, Integer> pairs = new TreeMap<>();
        for (Miss m : misses) {
            pairs.merge(m.label() + " -> " + m.got().id(), 1, Integer::sum);
            b.append(String.format("  MISS %s: %s -> %s %s%n", m.path(), m.label(), m.got().id(), m.c().signals()));
        }
        if (!pairs.isEmpty()) b.append("  confusion: ").append(pairs).append('\n');
        return b.toString();
    }
}
