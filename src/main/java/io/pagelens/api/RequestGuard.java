package io.pagelens.api;

/**
 * Decides whether a request on a protected route may run, before its body is read. Returns the caller
 * (put on {@link Ctx#principal()}) or throws an {@link ApiException} (401, 403, 429).
 */
@FunctionalInterface
public interface RequestGuard {
    Object authorize(Ctx ctx) throws ApiException;

    /** Open access, for PAGELENS_AUTH=none and tests of other concerns. */
    RequestGuard OPEN = ctx -> null;
}
