package io.pagelens.analysis.diff;

import java.io.OutputStream;

/**
 * Where a diff writes its images, each optional (null: not written). Both are PNGs written row by row as the diff
 * goes; the streams are not closed.
 *
 * @param diffImage  changed pixels in red (anti-aliasing yellow, sub-pixel shifts light orange, masks tinted blue) over a faded copy of A;
 *                   rows or columns only one image has are shown faded under a magenta tint
 * @param sideBySide A and B next to each other with a grey gutter, the shorter one padded with light grey
 */
public record DiffOutputs(OutputStream diffImage, OutputStream sideBySide, DiffProgress progress) {
    public static final DiffOutputs NONE = new DiffOutputs(null, null, DiffProgress.NONE);

    public DiffOutputs {
        if (progress == null) progress = DiffProgress.NONE;
    }

    public static DiffOutputs diffImage(OutputStream out) {
        return new DiffOutputs(out, null, DiffProgress.NONE);
    }
}
