package io.pagelens.memory;

/** Kinds of capture whose memory cost differs enough to be learned apart. */
public enum CaptureKind {
    VIEWPORT, FULL_PAGE, PDF
}
