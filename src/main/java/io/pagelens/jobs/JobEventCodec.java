package io.pagelens.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A job event as one small JSON message between processes, tagged with the sending process so that a bus can drop
 * its own echo. Details are cut to {@value #MAX_DETAIL} characters: a PostgreSQL NOTIFY payload holds 8,000 bytes.
 */
public final class JobEventCodec {
    static final int MAX_DETAIL = 1000;

    private JobEventCodec() {
    }

    /** An event, and the process that sent it. */
    public record Message(String origin, JobEvent event) {
    }

    public static String encode(String origin, JobEvent e) {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        n.put("o", origin).put("j", e.jobId()).put("t", e.type()).put("a", e.attempt()).put("at", e.at().toEpochMilli());
        if (e.state() != null) n.put("s", e.state().id());
        if (e.detail() != null) n.put("d", e.detail().length() > MAX_DETAIL ? e.detail().substring(0, MAX_DETAIL) : e.detail());
        return n.toString();
    }

    /** The message, or empty when it is not one of ours (another writer on the channel, a newer format). */
    public static Optional<Message> decode(String json) {
        try {
            JsonNode n = Jackson.LENIENT.readTree(json);
            if (!n.hasNonNull("o") || !n.hasNonNull("j") || !n.hasNonNull("t")) return Optional.empty();
            JobState state = n.hasNonNull("s") ? JobState.parse(n.get("s").asText()) : null;
            return Optional.of(new Message(n.get("o").asText(), new JobEvent(n.get("j").asText(), n.get("t").asText(), state,
                    n.path("a").asInt(), n.hasNonNull("d") ? n.get("d").asText() : null, Instant.ofEpochMilli(n.path("at").asLong()))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
