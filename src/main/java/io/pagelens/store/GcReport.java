package io.pagelens.store;

/**
 * What one garbage collection did.
 *
 * @param adopted      objects found in the blob store without a database row (left by a crash), now tracked
 * @param deleted      unreferenced blobs removed
 * @param bytesFreed   their total size
 * @param failed       blobs that could not be deleted this time (kept, retried next run)
 */
public record GcReport(int adopted, int deleted, long bytesFreed, int failed) {
}
