package io.pagelens.analysis.variant;

import java.util.Arrays;
import java.util.Optional;

/** What a mutation does to the elements its selector matches; the JSON name is {@link #id()}. */
public enum MutationAction {
    /** Replaces the text content; value: the text. */
    SET_TEXT("setText", ValueKind.TEXT),
    /** Replaces the inner HTML (scripts and event-handler attributes removed); value: HTML. */
    SET_HTML("setHtml", ValueKind.HTML),
    /** Sets one attribute; value: {@code {"name", "value"}}. {@code on*} handlers are refused. */
    SET_ATTRIBUTE("setAttribute", ValueKind.ATTRIBUTE),
    /** Adds classes; value: class names separated by spaces. */
    ADD_CLASS("addClass", ValueKind.CLASSES),
    /** Removes classes; value: class names separated by spaces. */
    REMOVE_CLASS("removeClass", ValueKind.CLASSES),
    /** Sets inline styles with {@code !important}; value: declarations ({@code "color: #fff; padding: 8px"}) or an object. */
    SET_STYLE("setStyle", ValueKind.STYLE),
    /** Hides the element and keeps its space ({@code visibility: hidden}); no value. */
    HIDE("hide", ValueKind.NONE),
    /** Takes the element out of the page (content below moves up); no value. */
    REMOVE("remove", ValueKind.NONE),
    /** Inserts HTML before the element; value: HTML. */
    INSERT_BEFORE("insertBefore", ValueKind.HTML),
    /** Inserts HTML after the element; value: HTML. */
    INSERT_AFTER("insertAfter", ValueKind.HTML),
    /** Adds a style sheet to the page; no selector; value: CSS. */
    INJECT_CSS("injectCss", ValueKind.CSS);

    /** The shape of an action's {@code value}. */
    enum ValueKind { NONE, TEXT, HTML, CSS, CLASSES, STYLE, ATTRIBUTE }

    private final String id;
    private final ValueKind value;

    MutationAction(String id, ValueKind value) {
        this.id = id;
        this.value = value;
    }

    public String id() {
        return id;
    }

    ValueKind valueKind() {
        return value;
    }

    public boolean takesSelector() {
        return this != INJECT_CSS;
    }

    public static Optional<MutationAction> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    static String ids() {
        return String.join(", ", Arrays.stream(values()).map(MutationAction::id).toList());
    }
}
