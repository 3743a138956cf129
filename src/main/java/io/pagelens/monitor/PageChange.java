package io.pagelens.monitor;

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
}
