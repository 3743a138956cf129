package io.pagelens.capture;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Image checks for capture tests. */
final class Images {
    private Images() {
    }

    static BufferedImage read(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        if (img == null) throw new IOException("not a PNG/JPEG image (" + bytes.length + " bytes)");
        return img;
    }

    /** Number of distinct colours among a grid of samples: 1 means a blank image. */
    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += Math.max(1, img.getHeight() / 60)) {
            for (int x = 0; x < img.getWidth(); x += Math.max(1, img.getWidth() / 40)) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Mean luminance 0..255 over samples. */
    static double luminance(BufferedImage img) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += Math.max(1, img.getHeight() / 50)) {
            for (int x = 0; x < img.getWidth(); x += Math.max(1, img.getWidth() / 50)) {
                int c = img.getRGB(x, y);
                sum += (((c >> 16) & 0xff) * 299 + ((c >> 8) & 0xff) * 587 + (c & 0xff) * 114) / 1000;
                n++;
            }
        }
        return (double) sum / n;
    }
}
