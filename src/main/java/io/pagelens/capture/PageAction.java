package io.pagelens.capture;

/**
 * One action run on the page before it is captured ({@code clean.actions}). Which fields an action uses depends on
 * its type; {@link #of} checks them and names the one at fault.
 *
 * @param type     click, hide, remove, scrollTo, press, wait, type or evaluate
 * @param selector CSS selector (click, hide, remove, type; scrollTo and wait take it or y/ms)
 * @param y        scrollTo: CSS px from the top
 * @param key      press: a key name as in KeyboardEvent.key ("Enter", "Escape", "a")
 * @param ms       wait: milliseconds
 * @param text     type: the text typed
 * @param script   evaluate: a JavaScript expression (only with {@code PAGELENS_ALLOW_SCRIPTS=1})
 * @param optional a missing selector is skipped even with {@code failOnMissingSelector}
 */
public record PageAction(Type type, String selector, Integer y, String key, Long ms, String text, String script,
                         boolean optional) {
    /** Longest single wait action, so a typo cannot hold a browser tab. */
    public static final long MAX_WAIT_MS = 60_000;

    public enum Type {
        CLICK("click"), HIDE("hide"), REMOVE("remove"), SCROLL_TO("scrollTo"), PRESS("press"), WAIT("wait"), TYPE("type"),
        EVALUATE("evaluate");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Type parse(String s) {
            for (Type t : values()) if (t.id.equalsIgnoreCase(s)) return t;
            throw new IllegalArgumentException("unknown action '" + s + "' (expected click, hide, remove, scrollTo, press, wait, type or evaluate)");
        }
    }

    /**
     * A checked action; the exception's field is {@code prefix.FIELD} ({@code clean.actions[2].selector}).
     */
    public static PageAction of(String prefix, String type, String selector, Integer y, String key, Long ms, String text,
                                String script, Boolean optional) {
        if (type == null) throw new InvalidRequestException(prefix + ".type", "is required");
        Type t;
        try {
            t = Type.parse(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(prefix + ".type", e.getMessage());
        }
        if (selector != null && selector.isBlank()) throw new InvalidRequestException(prefix + ".selector", "must not be blank");
        boolean needsSelector = t == Type.CLICK || t == Type.HIDE || t == Type.REMOVE || t == Type.TYPE;
        if (needsSelector && selector == null) throw new InvalidRequestException(prefix + ".selector", "is required for " + t.id);
        switch (t) {
            case SCROLL_TO -> {
                if ((selector == null) == (y == null)) throw new InvalidRequestException(prefix + ".selector", "scrollTo takes a selector or y, not both");
                if (y != null && y < 0) throw new InvalidRequestException(prefix + ".y", "must not be negative, was " + y);
            }
            case PRESS -> {
                if (key == null || key.isBlank()) throw new InvalidRequestException(prefix + ".key", "is required for press");
            }
            case WAIT -> {
                if ((selector == null) == (ms == null)) throw new InvalidRequestException(prefix + ".ms", "wait takes ms or a selector, not both");
                if (ms != null && (ms < 0 || ms > MAX_WAIT_MS)) {
                    throw new InvalidRequestException(prefix + ".ms", "must be between 0 and " + MAX_WAIT_MS + ", was " + ms);
                }
            }
            case TYPE -> {
                if (text == null) throw new InvalidRequestException(prefix + ".text", "is required for type");
            }
            case EVALUATE -> {
                if (script == null || script.isBlank()) throw new InvalidRequestException(prefix + ".script", "is required for evaluate");
            }
            default -> {
            }
        }
        return new PageAction(t, selector, y, key, ms, text, script, Boolean.TRUE.equals(optional));
    }

    /** "click #accept", for reports and errors. */
    public String describe() {
        String what = selector != null ? selector : y != null ? "y=" + y : key != null ? key : ms != null ? ms + " ms" : null;
        return what == null ? type.id : type.id + " " + what;
    }
}
