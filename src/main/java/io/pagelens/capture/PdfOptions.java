package io.pagelens.capture;

/** Page.printToPDF settings. Sizes in inches, as CDP takes them. */
public record PdfOptions(double paperWidth, double paperHeight, double marginTop, double marginBottom,
                         double marginLeft, double marginRight, boolean landscape, boolean printBackground) {
    public static final PdfOptions A4 = new PdfOptions(8.27, 11.69, 0.4, 0.4, 0.4, 0.4, false, true);
    public static final PdfOptions LETTER = new PdfOptions(8.5, 11, 0.4, 0.4, 0.4, 0.4, false, true);

    public PdfOptions {
        if (paperWidth <= 0 || paperHeight <= 0 || paperWidth > 100 || paperHeight > 100) {
            throw new IllegalArgumentException("pdf paper size must be between 0 and 100 inches");
        }
        if (marginTop < 0 || marginBottom < 0 || marginLeft < 0 || marginRight < 0) {
            throw new IllegalArgumentException("pdf margins must not be negative");
        }
    }

    public static PdfOptions paper(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "a4" -> A4;
            case "letter" -> LETTER;
            case "legal" -> new PdfOptions(8.5, 14, 0.4, 0.4, 0.4, 0.4, false, true);
            case "a3" -> new PdfOptions(11.69, 16.54, 0.4, 0.4, 0.4, 0.4, false, true);
            default -> throw new IllegalArgumentException("unknown paper '" + name + "' (expected a4, a3, letter or legal)");
        };
    }
}
