package io.pagelens.jobs;

import java.util.Locale;

/** Claim order: interactive requests (someone is waiting) before batch work before crawls. */
public enum JobPriority {
    INTERACTIVE(100), NORMAL(50), CRAWL(10);

    private final int weight;

    JobPriority(int weight) {
        this.weight = weight;
    }

    /** Higher is claimed first. */
    public int weight() {
        return weight;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobPriority parse(String s) {
        for (JobPriority p : values()) {
            if (p.id().equalsIgnoreCase(s.trim())) return p;
        }
        throw new IllegalArgumentException("unknown priority '" + s + "' (expected interactive, normal or crawl)");
    }

    public static JobPriority ofWeight(int w) {
        JobPriority best = CRAWL;
        for (JobPriority p : values()) {
            if (w >= p.weight && p.weight >= best.weight) best = p;
        }
        return best;
    }
}
