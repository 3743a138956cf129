package io.pagelens.analysis.variant;

/**
 * Where one matched element was on the page when its mutation ran: page coordinates (viewport rectangle plus scroll
 * offsets) in CSS px, so a full-page screenshot taken at device scale 1 can draw it as is.
 */
public record MatchBox(double x, double y, double width, double height) {
}
