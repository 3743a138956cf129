package io.pagelens.analysis.diff;

/**
 * A rectangle in image pixels: {@code x, y} is the top-left corner, {@code width} and {@code height} are positive.
 * Used for changed regions and for masks (areas the diff ignores).
 */
public record Box(int x, int y, int width, int height) {
    public Box {
        if (x < 0 || y < 0) throw new IllegalArgumentException("x and y must not be negative, were " + x + "," + y);
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("width and height must be positive, were " + width + "x" + height);
    }

    /** The box from corner (x0, y0) to corner (x1, y1), both inclusive. */
    public static Box ofCorners(int x0, int y0, int x1, int y1) {
        return new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** First column past the box. */
    public int right() {
        return x + width;
    }

    /** First row past the box. */
    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public boolean intersects(Box o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }

    public boolean contains(Box o) {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }

    /** The area both boxes cover, or 0. */
    public long overlap(Box o) {
        long w = Math.min(right(), o.right()) - Math.max(x, o.x);
        long h = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** The smallest box covering both. */
    public Box union(Box o) {
        int x0 = Math.min(x, o.x), y0 = Math.min(y, o.y);
        return new Box(x0, y0, Math.max(right(), o.right()) - x0, Math.max(bottom(), o.bottom()) - y0);
    }

    /** This box grown by {@code d} px on every side (kept at 0 or more on the top-left). */
    public Box grow(int d) {
        int x0 = Math.max(0, x - d), y0 = Math.max(0, y - d);
        return new Box(x0, y0, right() + d - x0, bottom() + d - y0);
    }

    /** The box cut to an image of {@code w} x {@code h}, or null when nothing is left. */
    public Box clip(int w, int h) {
        int x1 = Math.min(right(), w), y1 = Math.min(bottom(), h);
        return x1 > x && y1 > y ? new Box(x, y, x1 - x, y1 - y) : null;
    }

    /** Whether the two boxes come within {@code d} px of each other on both axes (overlapping counts as 0 px apart). */
    public boolean within(Box o, int d) {
        int gapX = Math.max(x, o.x) - Math.min(right(), o.right());
        int gapY = Math.max(y, o.y) - Math.min(bottom(), o.bottom());
        return gapX <= d && gapY <= d;
    }

    /** Parses {@code x,y,width,height} (the CLI's --mask form); the message names {@code field}. */
    public static Box parse(String field, String text) {
        String[] p = text.split(",");
        if (p.length != 4) throw new IllegalArgumentException(field + ": '" + text + "' is not x,y,width,height");
        try {
            return new Box(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()),
                    Integer.parseInt(p[2].strip()), Integer.parseInt(p[3].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not x,y,width,height in whole pixels");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}
