package io.pagelens.memory;

/** Kinds of capture whose memory cost differs enough to be learned apart. */
public enum CaptureKind {
    VIEWPORT, FULL_PAGE, PDF;

    /** Full pages and PDFs paint the whole page: their count in flight has its own, lower cap. */
    public boolean heavy() {
        return this != VIEWPORT;
    }
}
