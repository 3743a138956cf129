package io.pagelens.url;

/** How characters and parts of the input are shown in error messages. */
final class Chars {
    /** Longer inputs are cut in messages, so an error line stays readable. */
    private static final int MAX_SHOWN = 100;

    private Chars() {
    }

    /** {@code 'x'} for printable ASCII, {@code U+00A0} otherwise. */
    static String describe(int cp) {
        if (cp > 0x20 && cp < 0x7F) return "'" + (char) cp + "'";
        if (cp == ' ') return "' '";
        return String.format("U+%04X", cp);
    }

    /** The text with control characters escaped and long text cut. */
    static String shown(CharSequence s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= MAX_SHOWN) return out.append("...").toString();
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) out.append(String.format("\\u%04X", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
