package io.pagelens.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Enqueues what a job's handler wants done once the job has ended (its webhook delivery), wherever the job
 * ended: in a worker (succeeded, failed, cancelled while running) or in the API (cancelled while queued).
 * A follow-up that cannot be made is logged and never changes the finished job.
 */
public final class FollowUps {
    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final JobStore store;
    private final JobEvents events;
    private final Map<String, JobHandler> handlers;
    private final Clock clock;

    public FollowUps(JobStore store, JobEvents events, List<JobHandler> handlers, Clock clock) {
        this.store = store;
        this.events = events;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity()));
        this.clock = clock;
    }

    /** Enqueues the follow-up of the job {@code jobId}, read as stored now (in its final state). */
    public void after(String jobId) {
        try {
            store.get(jobId).filter(j -> j.state().terminal()).ifPresent(ended -> {
                JobHandler h = handlers.get(ended.kind());
                if (h == null) return;
                h.followUp(ended).ifPresent(n -> {
                    Job f = store.enqueue(n);
                    events.publish(new JobEvent(f.id(), "queued", JobState.QUEUED, 0, "follow-up of " + jobId, clock.instant()));
                });
            });
        } catch (RuntimeException e) {
            log.atError().addKeyValue("job", jobId).setCause(e).log("follow-up failed");
        }
    }
}
