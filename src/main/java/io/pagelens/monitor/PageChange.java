package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A page's outcome in one run: its change history entry. Changed entries hold the diff image (PNG) and the whole
 * unified text diff as blobs kept for the monitor's life.
 *
 * @param regions          JSON array of changed boxes ({@code x, y, width, height, changedPixels, kind}) in screenshot pixels
 * @param textDiffExcerpt  the start of the unified Markdown diff, for webhooks and lists
 */
public record PageChange(String id, String monitorId, String runId, String url, ChangeStatus status, Integer httpStatus,
                         String captureId, String previousCaptureId, Double changedPercent, String regions, Integer addedWords,
                         Integer removedWords, String diffImageSha256, String textDiffSha256, String textDiffExcerpt,
                         Instant createdAt) {

    /** This page's entry in a run summary and a webhook. */
    public ObjectNode describe() {
        PageChange c = this;
        ObjectNode o = Jackson.MAPPER.createObjectNode().put("url", c.url()).put("changeStatus", c.status().id());
        if (c.httpStatus() != null) o.put("httpStatus", c.httpStatus());
        if (c.changedPercent() != null) o.put("changedPercent", c.changedPercent());
        if (c.addedWords() != null) o.put("addedWords", c.addedWords()).put("removedWords", c.removedWords());
        if (c.regions() != null) {
            try {
                o.set("regions", Jackson.MAPPER.readTree(c.regions()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ObjectNode links = o.putObject("links");
        links.put("change", "/v1/monitors/" + c.monitorId() + "/changes/" + c.id());
        if (c.captureId() != null) links.put("capture", "/v1/captures/" + c.captureId());
        if (c.previousCaptureId() != null) links.put("previousCapture", "/v1/captures/" + c.previousCaptureId());
        if (c.diffImageSha256() != null) links.put("diffImage", "/v1/monitors/" + c.monitorId() + "/changes/" + c.id() + "/diff.png");
        if (c.textDiffSha256() != null) links.put("textDiff", "/v1/monitors/" + c.monitorId() + "/changes/" + c.id() + "/diff.txt");
        return o;
    }
}
