package io.pagelens.clean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.PageContext;
import io.pagelens.cdp.CdpException;

import java.util.Map;

/** A key press as CDP's Input.dispatchKeyEvent wants it: key, code, Windows key code and, for printable keys, text. */
final class Keys {
    private record Key(String code, int keyCode, String text) {
    }

    private static final Map<String, Key> NAMED = Map.ofEntries(
            Map.entry("Enter", new Key("Enter", 13, "\r")), Map.entry("Escape", new Key("Escape", 27, null)),
            Map.entry("Tab", new Key("Tab", 9, null)), Map.entry("Backspace", new Key("Backspace", 8, null)),
            Map.entry("Delete", new Key("Delete", 46, null)), Map.entry(" ", new Key("Space", 32, " ")),
            Map.entry("ArrowUp", new Key("ArrowUp", 38, null)), Map.entry("ArrowDown", new Key("ArrowDown", 40, null)),
            Map.entry("ArrowLeft", new Key("ArrowLeft", 37, null)), Map.entry("ArrowRight", new Key("ArrowRight", 39, null)),
            Map.entry("PageDown", new Key("PageDown", 34, null)), Map.entry("PageUp", new Key("PageUp", 33, null)),
            Map.entry("Home", new Key("Home", 36, null)), Map.entry("End", new Key("End", 35, null)));

    private Keys() {
    }

    static void press(PageContext page, String key) throws CdpException, InterruptedException {
        Key k = NAMED.get(key);
        if (k == null && key.length() == 1) {
            char c = key.charAt(0);
            String code = Character.isLetter(c) ? "Key" + Character.toUpperCase(c) : Character.isDigit(c) ? "Digit" + c : "";
            k = new Key(code, Character.toUpperCase(c), key);
        }
        if (k == null) k = new Key(key, 0, null); // an unusual key name: sent as is, the page sees event.key
        ObjectNode down = Cdp.params().put("type", k.text() != null ? "keyDown" : "rawKeyDown").put("key", key)
                .put("code", k.code()).put("windowsVirtualKeyCode", k.keyCode());
        if (k.text() != null) down.put("text", k.text());
        page.send(Cdp.command("Input.dispatchKeyEvent", down));
        page.send(Cdp.command("Input.dispatchKeyEvent", Cdp.params().put("type", "keyUp").put("key", key)
                .put("code", k.code()).put("windowsVirtualKeyCode", k.keyCode())));
    }
}
