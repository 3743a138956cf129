package io.pagelens.monitor;

import java.time.Instant;

/**
 * One due time of a monitor and what its run found. There is at most one per (monitor, due time), whatever the
 * number of schedulers.
 *
 * @param coalesced    earlier due times, missed while no scheduler ran, that this run stands for
 * @param state        queued, running, done or failed
 * @param changeStatus null until done
 * @param summary      JSON: the pages and their statuses, percentages and word counts
 */
public record MonitorRun(String id, String monitorId, Instant dueAt, Instant fireAt, int coalesced, String state, String jobId,
                         ChangeStatus changeStatus, String summary, String error, Instant enqueuedAt, Instant startedAt,
                         Instant finishedAt) {
    public boolean ended() {
        return state.equals("done") || state.equals("failed");
    }
}
