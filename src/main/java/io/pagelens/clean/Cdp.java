package io.pagelens.clean;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.cdp.Command;

/** The few CDP commands only the cleaning steps send, typed here so {@code cdp.Commands} stays the engine's. */
final class Cdp {
    private Cdp() {
    }

    static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }

    static Command<Void> command(String method, ObjectNode params) {
        return new Command<>(method, params, r -> null);
    }
}
