package io.pagelens.store;

import java.time.Instant;

/** A page of a project: one normalised URL in one role ({@code pageType}: home, product, article, ...). */
public record PageInfo(String id, String projectId, String pageType, String url, Instant createdAt) {
}
