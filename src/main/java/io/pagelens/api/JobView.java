package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobPriority;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job as clients see it: no lease or worker internals, links to follow. */
public record JobView(String id, String kind, String state, String priority, int attempts, int maxAttempts,
                      boolean cancelRequested, String createdAt, String startedAt, String finishedAt, ErrorBody error,
                      JsonNode result, Map<String, String> links) {

    public static JobView of(Job j) {
        ErrorBody err = j.errorCode() == null ? null : new ErrorBody(j.errorCode(), j.errorMessage(), null);
        JsonNode result = parse(j.result());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/v1/jobs/" + j.id());
        links.put("events", "/v1/jobs/" + j.id() + "/events");
        if (result != null && result.hasNonNull("captureId")) links.put("capture", "/v1/captures/" + result.get("captureId").asText());
        return new JobView(j.id(), j.kind(), j.state().id(), JobPriority.ofWeight(j.priority()).id(), j.attempts(), j.maxAttempts(),
                j.cancelRequested(), str(j.createdAt()), str(j.startedAt()), str(j.finishedAt()), err, result, links);
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static JsonNode parse(String json) {
        if (json == null) return null;
        try {
            return Jackson.LENIENT.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
