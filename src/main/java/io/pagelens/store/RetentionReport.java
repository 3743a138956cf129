package io.pagelens.store;

/** What one retention pass removed: capture versions beyond their project's limits (their blobs go at the next GC). */
public record RetentionReport(int capturesDeleted) {
}
