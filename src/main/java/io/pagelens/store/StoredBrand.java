package io.pagelens.store;

import java.time.Instant;

/**
 * A project's stored brand profile.
 *
 * @param url         the page it was computed from
 * @param captureId   the capture that collected it
 * @param profileJson the BrandProfile as JSON
 */
public record StoredBrand(String projectId, String url, String captureId, String profileJson, Instant computedAt) {
}
