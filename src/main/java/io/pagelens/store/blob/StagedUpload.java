package io.pagelens.store.blob;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * An upload spooled to a local staging file while it is hashed: the content-addressed name is only known at the
 * end, and neither store may hold a whole screenshot in memory. Closing the stream syncs the file (fsync), so what
 * {@link #publish} moves or sends is on disk. Subclasses only say how to publish.
 */
abstract class StagedUpload implements BlobUpload {
    private static final int BUFFER = 64 * 1024;

    private final Path staged;
    private final FileChannel channel;
    private final MessageDigest digest = Sha256.newDigest();
    private final OutputStream stream;
    private long size;
    private String sha256;
    private boolean closed;

    StagedUpload(Path stagingDir) throws IOException {
        Files.createDirectories(stagingDir);
        this.staged = Files.createTempFile(stagingDir, "upload-", ".part");
        this.channel = FileChannel.open(staged, StandardOpenOption.WRITE);
        this.stream = new HashingStream(new java.io.BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public String sha256() {
        requireComplete();
        return sha256;
    }

    @Override
    public long size() {
        requireComplete();
        return size;
    }

    @Override
    public final synchronized void publish(String contentType) throws IOException {
        requireComplete();
        if (closed) throw new IllegalStateException("upload already closed");
        publish(staged, sha256, size, contentType == null ? BlobContent.UNKNOWN_TYPE : contentType);
    }

    /** Makes the synced file {@code staged} durable under {@code sha256}; the staged file may be moved away. */
    abstract void publish(Path staged, String sha256, long size, String contentType) throws IOException;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a channel we only wrote; the file goes next anyway
        }
        try {
            Files.deleteIfExists(staged);
        } catch (IOException ignored) {
            // a leftover .part file in the staging folder is removed at the next start
        }
    }

    private void requireComplete() {
        if (sha256 == null) throw new IllegalStateException("the upload's stream is not closed yet");
    }

    private final class HashingStream extends FilterOutputStream {
        private boolean done;

        HashingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        @Override
        public void close() throws IOException {
            if (done) return;
            done = true;
            out.flush();
            channel.force(true); // the bytes are on disk before anything can reference them
            out.close();
            sha256 = Sha256.hex(digest.digest());
        }
    }
}
