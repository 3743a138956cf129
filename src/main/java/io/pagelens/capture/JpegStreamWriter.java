package io.pagelens.capture;

import io.pagelens.image.RowSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStreamImpl;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Encodes a JPEG from a {@link RowSource} without holding the image: the JDK's baseline JPEG encoder pulls
 * the source raster one scanline at a time, top to bottom, so the raster here is backed by a DataBuffer that
 * asks the source for each row as it is reached, and bytes go straight to the OutputStream.
 */
final class JpegStreamWriter {
    /** JPEG's own limit on either side. */
    static final int MAX_DIMENSION = 65_535;

    private JpegStreamWriter() {
    }

    static long write(RowSource src, OutputStream out, int quality) throws IOException {
        int w = src.width();
        int h = src.height();
        if ((long) w * h > Integer.MAX_VALUE || h > MAX_DIMENSION || w > MAX_DIMENSION) {
            throw new IllegalArgumentException("image " + w + "x" + h + " is too large for JPEG");
        }
        int[] masks = {0xff0000, 0xff00, 0xff};
        SinglePixelPackedSampleModel sm = new SinglePixelPackedSampleModel(DataBuffer.TYPE_INT, w, h, masks);
        WritableRaster raster = Raster.createWritableRaster(sm, new RowBuffer(src), null);
        BufferedImage image = new BufferedImage(new DirectColorModel(24, masks[0], masks[1], masks[2]), raster, false, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        Sink sink = new Sink(out);
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.max(0.01f, quality / 100f));
            writer.setOutput(sink);
            writer.write(null, new IIOImage(image, null, null), param);
            sink.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            writer.dispose();
        }
        return sink.count;
    }

    /** Pixels on demand, row by row; only the current row is held. */
    private static final class RowBuffer extends DataBuffer {
        private final RowSource src;
        private final int w;
        private final int[] row;
        private int current = -1;

        RowBuffer(RowSource src) {
            super(DataBuffer.TYPE_INT, src.width() * src.height());
            this.src = src;
            this.w = src.width();
            this.row = new int[w];
        }

        @Override
        public int getElem(int bank, int i) {
            int y = i / w;
            if (y != current) {
                if (y < current) throw new IllegalStateException("rows must be read top to bottom");
                try {
                    src.row(y, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                current = y;
            }
            return row[i - y * w];
        }

        @Override
        public void setElem(int bank, int i, int val) {
            throw new UnsupportedOperationException("read-only");
        }
    }

    /** An ImageOutputStream that only appends to an OutputStream (the JPEG writer never seeks). */
    private static final class Sink extends ImageOutputStreamImpl {
        private final OutputStream out;
        long count;

        Sink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
            streamPos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
            streamPos += len;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("write-only");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            throw new UnsupportedOperationException("write-only");
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
