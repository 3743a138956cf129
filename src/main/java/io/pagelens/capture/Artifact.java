package io.pagelens.capture;

/** One output written to the sink. Width and height are in device pixels for images, 0 otherwise. */
public record Artifact(Format format, String contentType, long bytes, int width, int height) {
}
