package io.pagelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobContext;
import io.pagelens.jobs.JobFailure;
import io.pagelens.jobs.JobHandler;
import io.pagelens.jobs.NewJob;
import io.pagelens.json.Jackson;
import io.pagelens.observe.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a handler with the job's id on every log line its thread writes (the capture engine's, the store's), and
 * ends a successful run with one line naming the capture it made, when its result has a {@code captureId}.
 */
final class LoggedJobHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(LoggedJobHandler.class);
    private final JobHandler inner;

    private LoggedJobHandler(JobHandler inner) {
        this.inner = inner;
    }

    static List<JobHandler> wrapAll(List<JobHandler> handlers) {
        return handlers.stream().<JobHandler>map(h -> h instanceof LoggedJobHandler ? h : new LoggedJobHandler(h)).toList();
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
        long t0 = System.nanoTime();
        try (LogContext.Scope ignored = LogContext.put(LogContext.JOB, job.id())) {
            String result = inner.run(job, ctx);
            captureId(result).ifPresent(c -> {
                try (LogContext.Scope alsoIgnored = LogContext.put(LogContext.CAPTURE, c)) {
                    log.atInfo().addKeyValue("kind", job.kind()).addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000).log("job done");
                }
            });
            return result;
        }
    }

    @Override
    public Optional<NewJob> followUp(Job finished) {
        return inner.followUp(finished);
    }

    static Optional<String> captureId(String result) {
        if (result == null || !result.contains("captureId")) return Optional.empty();
        try {
            JsonNode n = Jackson.LENIENT.readTree(result);
            return Optional.ofNullable(n.path("captureId").textValue());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
