package io.pagelens.monitor;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a run found for a page, compared with the previous capture of the same key: {@code new} (no previous capture),
 * {@code same}, {@code changed} (over a threshold), {@code removed} (HTTP 404 or 410, or gone from
 * the project's re-discovery). A run of several pages takes
 * the most telling of its pages' (changed, then removed, then new, then same).
 */
public enum ChangeStatus {
    SAME, NEW, REMOVED, CHANGED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** Whether a notification goes out. */
    public boolean notifies() {
        return this == CHANGED || this == REMOVED;
    }

    /** The run's status from two of its pages'. */
    public ChangeStatus and(ChangeStatus o) {
        return o.ordinal() > ordinal() ? o : this;
    }
}
