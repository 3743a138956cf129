package io.pagelens.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Blobs as files under one folder ({@code PAGELENS_DATA/blobs} by default): {@code ab/abcdef...} (the first two hex
 * digits fan out the folder). An upload is staged in {@code tmp/}, synced, then renamed into place atomically and the
 * folder synced, so a blob file is either complete or absent, even after a crash.
 */
public final class LocalBlobStore implements BlobStore {
    /** Staged files older than this belong to no running upload (captures time out after 5 minutes). */
    static final java.time.Duration STALE_STAGING = java.time.Duration.ofHours(1);

    private final Path root;
    private final Path staging;

    public LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath();
        this.staging = this.root.resolve("tmp");
        try {
            Files.createDirectories(staging);
            clearStaleStaging(); // .part files of uploads a crash interrupted
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** The file a blob lives in (it may not exist). */
    Path pathOf(String sha256) {
        Sha256.require(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Override
    public BlobUpload upload() throws IOException {
        return new StagedUpload(staging) {
            @Override
            void publish(Path staged, String sha256, long size, String contentType) throws IOException {
                Path target = pathOf(sha256);
                if (Files.exists(target)) return; // identical content is stored once
                Path dir = target.getParent();
                Files.createDirectories(dir);
                try {
                    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    return; // a concurrent upload of the same bytes won
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("blob folder " + root + " must be on one file system with its tmp/", e);
                }
                syncDirectory(dir); // the rename itself survives a crash
            }
        };
    }

    @Override
    public Optional<BlobContent> open(String sha256) throws IOException {
        return open(sha256, 0, Long.MAX_VALUE);
    }

    @Override
    public Optional<BlobContent> open(String sha256, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must not be negative");
        FileChannel ch;
        try {
            ch = FileChannel.open(pathOf(sha256), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            long total = ch.size();
            if (offset > 0 && offset >= total) throw new IllegalArgumentException("offset " + offset + " is past the end (" + total + " bytes)");
            long count = Math.min(length, total - offset);
            ch.position(offset);
            InputStream in = new BoundedInputStream(Channels.newInputStream(ch), count);
            return Optional.of(new BlobContent(in, count, total, offset, sha256, BlobContent.UNKNOWN_TYPE));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public void forEach(Consumer<BlobInfo> visitor) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, p -> p.getFileName().toString().length() == 2)) {
            for (Path dir : dirs) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String name = f.getFileName().toString();
                        if (!Sha256.isValid(name)) continue;
                        BasicFileAttributes a;
                        try {
                            a = Files.readAttributes(f, BasicFileAttributes.class);
                        } catch (NoSuchFileException gone) {
                            continue;
                        }
                        visitor.accept(new BlobInfo(name, a.size(), a.lastModifiedTime().toInstant()));
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        return "local folder " + root;
    }

    @Override
    public void close() {
        // nothing held open between calls
    }

    /** Only old ones: another process (a server beside {@code pagelens gc}) may be uploading right now. */
    private void clearStaleStaging() throws IOException {
        java.time.Instant cutoff = java.time.Instant.now().minus(STALE_STAGING);
        try (Stream<Path> s = Files.list(staging)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().endsWith(".part")
                        && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
