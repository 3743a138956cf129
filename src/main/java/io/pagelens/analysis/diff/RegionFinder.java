package io.pagelens.analysis.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups changed pixels into regions as the diff streams, without a full-size bitmap.
 *
 * <p>The rule (what the result means): a region is the bounding box of a set of changed pixels, and boxes are merged
 * while any two come within {@code mergeDistance} px of each other on both axes (overlap counts as 0). Equivalently,
 * the regions are the fixpoint of "merge any two boxes at most {@code d} px apart", starting from single pixels.
 *
 * <p>How: the image is cut into square cells of {@code d/2 + 1} px. A cell with a changed pixel is "hot"; hot cells
 * touching each other (8-neighbourhood) are labelled as one component with a streaming union-find, one row of cells
 * at a time, so only two rows of cell labels are held. Two pixels in neighbouring cells are never more than
 * {@code d} px apart, so this never merges what the rule would not. The components' pixel bounding boxes are then
 * merged while any two are within {@code d} px, which gives the rule exactly.
 */
final class RegionFinder {
    /** A merged group of changed pixels. */
    record Component(Box box, long pixels) {
    }

    private final int cell;
    private final int cols;
    private final int height;
    private final int mergeDistance;
    // the cell row being filled: per column, changed pixels and their bounding box
    private final int[] count;
    private final int[] minX;
    private final int[] maxX;
    private final int[] minY;
    private final int[] maxY;
    private int[] prevLabel;
    private int[] curLabel;
    // union-find over component labels, with each root's box and pixel count
    private int[] parent = new int[64];
    private int[] bx0 = new int[64];
    private int[] by0 = new int[64];
    private int[] bx1 = new int[64];
    private int[] by1 = new int[64];
    private long[] pixels = new long[64];
    private int labels;

    RegionFinder(int width, int height, int mergeDistance) {
        this.mergeDistance = mergeDistance;
        this.cell = mergeDistance / 2 + 1;
        this.cols = (width + cell - 1) / cell;
        this.height = height;
        this.count = new int[cols];
        this.minX = new int[cols];
        this.maxX = new int[cols];
        this.minY = new int[cols];
        this.maxY = new int[cols];
        this.prevLabel = new int[cols];
        this.curLabel = new int[cols];
        Arrays.fill(prevLabel, -1);
    }

    /** A changed pixel of the current row. */
    void add(int x, int y) {
        int c = x / cell;
        if (count[c] == 0) {
            minX[c] = maxX[c] = x;
            minY[c] = maxY[c] = y;
        } else {
            if (x < minX[c]) minX[c] = x;
            if (x > maxX[c]) maxX[c] = x;
            maxY[c] = y; // rows come in order
        }
        count[c]++;
    }

    /** Called after every pixel row {@code y}. */
    void endRow(int y) {
        if ((y + 1) % cell == 0 || y == height - 1) finishCellRow();
    }

    private void finishCellRow() {
        for (int c = 0; c < cols; c++) {
            curLabel[c] = -1;
            if (count[c] == 0) continue;
            int l = -1;
            l = join(l, c > 0 ? curLabel[c - 1] : -1);
            l = join(l, c > 0 ? prevLabel[c - 1] : -1);
            l = join(l, prevLabel[c]);
            l = join(l, c + 1 < cols ? prevLabel[c + 1] : -1);
            if (l < 0) l = newLabel();
            l = find(l);
            bx0[l] = Math.min(bx0[l], minX[c]);
            by0[l] = Math.min(by0[l], minY[c]);
            bx1[l] = Math.max(bx1[l], maxX[c]);
            by1[l] = Math.max(by1[l], maxY[c]);
            pixels[l] += count[c];
            curLabel[c] = l;
            count[c] = 0;
        }
        int[] t = prevLabel;
        prevLabel = curLabel;
        curLabel = t;
    }

    private int join(int l, int neighbour) {
        if (neighbour < 0) return l;
        if (l < 0) return find(neighbour);
        return union(l, neighbour);
    }

    private int newLabel() {
        if (labels == parent.length) {
            int n = labels * 2;
            parent = Arrays.copyOf(parent, n);
            bx0 = Arrays.copyOf(bx0, n);
            by0 = Arrays.copyOf(by0, n);
            bx1 = Arrays.copyOf(bx1, n);
            by1 = Arrays.copyOf(by1, n);
            pixels = Arrays.copyOf(pixels, n);
        }
        int l = labels++;
        parent[l] = l;
        bx0[l] = by0[l] = Integer.MAX_VALUE;
        bx1[l] = by1[l] = -1;
        pixels[l] = 0;
        return l;
    }

    private int find(int l) {
        while (parent[l] != l) {
            parent[l] = parent[parent[l]];
            l = parent[l];
        }
        return l;
    }

    private int union(int a, int b) {
        a = find(a);
        b = find(b);
        if (a == b) return a;
        if (b < a) {
            int t = a;
            a = b;
            b = t;
        }
        parent[b] = a;
        bx0[a] = Math.min(bx0[a], bx0[b]);
        by0[a] = Math.min(by0[a], by0[b]);
        bx1[a] = Math.max(bx1[a], bx1[b]);
        by1[a] = Math.max(by1[a], by1[b]);
        pixels[a] += pixels[b];
        return a;
    }

    /** The merged components, top to bottom, then left to right. */
    List<Component> finish() {
        List<Component> found = new ArrayList<>();
        for (int l = 0; l < labels; l++) {
            if (parent[l] == l && pixels[l] > 0) found.add(new Component(Box.ofCorners(bx0[l], by0[l], bx1[l], by1[l]), pixels[l]));
        }
        return mergeNear(found, mergeDistance);
    }

    /** Merges boxes while any two are within {@code d} px on both axes; a sweep over boxes sorted by top edge. */
    static List<Component> mergeNear(List<Component> in, int d) {
        List<Component> list = new ArrayList<>(in);
        boolean changed = true;
        while (changed) {
            changed = false;
            list.sort(Comparator.comparingInt((Component c) -> c.box().y()).thenComparingInt(c -> c.box().x()));
            Component[] arr = list.toArray(Component[]::new);
            boolean[] gone = new boolean[arr.length];
            for (int i = 0; i < arr.length; i++) {
                if (gone[i]) continue;
                for (int j = i + 1; j < arr.length && arr[j].box().y() <= arr[i].box().bottom() + d; j++) {
                    if (gone[j] || !arr[i].box().within(arr[j].box(), d)) continue;
                    arr[i] = new Component(arr[i].box().union(arr[j].box()), arr[i].pixels() + arr[j].pixels());
                    gone[j] = true;
                    changed = true;
                }
            }
            list.clear();
            for (int i = 0; i < arr.length; i++) if (!gone[i]) list.add(arr[i]);
        }
        return list;
    }
}
