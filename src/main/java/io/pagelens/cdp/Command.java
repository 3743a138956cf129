package io.pagelens.cdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Function;

/**
 * One typed CDP command: its method, its parameters and how to read its result.
 *
 * @param binaryField a result field holding large base64 data (e.g. {@code data} of Page.captureScreenshot) that
 *                    the connection decodes while streaming into the caller's OutputStream instead of keeping it;
 *                    null when the command has none
 */
public record Command<T>(String method, ObjectNode params, Function<JsonNode, T> result, String binaryField) {
    public Command {
        if (method == null || !method.contains(".")) throw new IllegalArgumentException("method must be Domain.name, was " + method);
    }

    public Command(String method, ObjectNode params, Function<JsonNode, T> result) {
        this(method, params, result, null);
    }
}
