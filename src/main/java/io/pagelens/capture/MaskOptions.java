package io.pagelens.capture;

import java.util.List;

/**
 * Elements hidden before any output is written, keeping their place in the layout (CSS {@code visibility: hidden}):
 * a clock, an ad, a carousel that would make two captures of an unchanged page differ. Monitors set it from their
 * {@code ignore} selectors. The step is {@code monitor.MaskStep}.
 *
 * @param selectors CSS selectors; every element matching one is hidden. At most {@value #MAX_SELECTORS}
 */
public record MaskOptions(List<String> selectors) {
    public static final int MAX_SELECTORS = 50;
    public static final MaskOptions NONE = new MaskOptions(List.of());

    public MaskOptions {
        selectors = List.copyOf(selectors == null ? List.of() : selectors);
        if (selectors.size() > MAX_SELECTORS) throw new InvalidRequestException("mask.selectors", "at most " + MAX_SELECTORS + " selectors");
        for (String s : selectors) {
            if (s.isBlank()) throw new InvalidRequestException("mask.selectors", "selectors must not be blank");
        }
    }

    public boolean isEmpty() {
        return selectors.isEmpty();
    }
}
