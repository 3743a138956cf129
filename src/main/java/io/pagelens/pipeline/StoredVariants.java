package io.pagelens.pipeline;

import io.pagelens.json.Jackson;
import io.pagelens.store.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The store's variants as the order builder looks them up, for every edge (API, CLI) alike. */
public final class StoredVariants {
    private StoredVariants() {
    }

    public static VariantLookup of(Storage storage) {
        return of(storage, io.pagelens.store.TenantScope.ALL);
    }

    /** Variants of the projects of one tenant (the one a capture is stored in). */
    public static VariantLookup of(Storage storage, io.pagelens.store.TenantScope scope) {
        return (project, variantId) -> storage.project(scope, project)
                .flatMap(p -> storage.variant(p.id(), variantId))
                .map(v -> {
                    try {
                        return new VariantLookup.Variant(v.name(), Jackson.LENIENT.readTree(v.mutationsJson()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("variant " + v.id() + " holds unreadable mutations", e);
                    }
                });
    }
}
