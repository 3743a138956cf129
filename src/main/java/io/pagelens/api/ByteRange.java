package io.pagelens.api;

/**
 * One HTTP byte range ({@code Range: bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}), resolved
 * against the content's size. Several ranges in one header are refused (416) rather than served as multipart:
 * image viewers and resumable downloads ask for one.
 */
record ByteRange(long first, long last) {
    long length() {
        return last - first + 1;
    }

    static ByteRange parse(String header, long size) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) throw unsatisfiable(size);
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) throw unsatisfiable(size);
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0) throw unsatisfiable(size);
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            if (first < 0 || first >= size || last < first) throw unsatisfiable(size);
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            throw unsatisfiable(size);
        }
    }

    private static ApiException unsatisfiable(long size) {
        return new ApiException(416, "range_not_satisfiable", "Range must be one 'bytes=first-last' within 0-" + (size - 1))
                .header("Content-Range", "bytes */" + size);
    }
}
