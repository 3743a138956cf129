package io.pagelens.cdp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Function;

/** A CDP event name and how to read its params into a small record. */
public record EventType<E>(String method, Function<JsonNode, E> parse) {
}
