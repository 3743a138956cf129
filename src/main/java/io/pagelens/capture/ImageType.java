package io.pagelens.capture;

import java.util.Locale;

/** Screenshot encodings Chromium produces itself. */
public enum ImageType {
    PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp");

    private final String contentType;

    ImageType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return this == JPEG ? "jpg" : id();
    }

    public static ImageType parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "jpeg", "jpg" -> JPEG;
            case "webp" -> WEBP;
            default -> throw new IllegalArgumentException("unknown image type '" + s + "' (expected png, jpeg or webp)");
        };
    }
}
