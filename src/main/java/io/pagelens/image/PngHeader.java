package io.pagelens.image;

/**
 * The IHDR fields of a PNG that matter for decoding.
 *
 * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
 */
public record PngHeader(int width, int height, int bitDepth, int colourType, boolean interlaced) {
    /** Samples per pixel for the colour type. */
    public int channels() {
        return switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            case 6 -> 4;
            default -> throw new IllegalStateException("colour type " + colourType);
        };
    }

    /** Bytes per complete pixel, at least 1: the distance the filters look back. */
    public int filterBytes() {
        return Math.max(1, channels() * bitDepth / 8);
    }

    /** Bytes of one scanline, the filter-type byte included. */
    public int stride() {
        return 1 + (int) (((long) width * channels() * bitDepth + 7) / 8);
    }
}
