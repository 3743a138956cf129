package io.pagelens.api;

/** One route's work: read from the context, answer through it. Exceptions go to {@link ErrorMapper}. */
@FunctionalInterface
public interface Handler {
    void handle(Ctx ctx) throws Exception;
}
