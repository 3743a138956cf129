package io.pagelens.jobs;

import java.util.Locale;

/** Where a job is in its life. Only QUEUED and RUNNING can change; the others are final. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
