package io.pagelens.store.blob;

import io.pagelens.config.Env;

import java.nio.file.Path;

/** Picks the blob store from the environment: S3 when {@code PAGELENS_S3_BUCKET} is set, else the local folder. */
public final class BlobStores {
    private BlobStores() {
    }

    /** {@code dataFolder} holds the local store ({@code blobs/}) and S3's staging files ({@code tmp/}). */
    public static BlobStore fromEnv(Env env, Path dataFolder) {
        if (env.string(S3BlobStore.BUCKET).isPresent()) {
            return S3BlobStore.fromEnv(env, dataFolder.resolve("tmp"));
        }
        return new LocalBlobStore(dataFolder.resolve("blobs"));
    }
}
