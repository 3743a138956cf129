package io.pagelens.cli;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.Format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes each artifact to its file. Bytes go to FILE.part first and are renamed into place when the
 * artifact is complete, so a failed capture never leaves a truncated file under the real name. The path
 * {@code -} is stdout: the bytes wait in a temporary file and are copied out once complete, so a failed
 * capture writes nothing there either.
 */
final class FileArtifactSink implements ArtifactSink {
    static final Path STDOUT = Path.of("-");

    private final Map<Format, Path> paths;
    private final OutputStream stdout;
    private final List<Path> written = new ArrayList<>();
    private final List<Path> partial = new ArrayList<>();

    FileArtifactSink(Map<Format, Path> paths) {
        this(paths, System.out);
    }

    FileArtifactSink(Map<Format, Path> paths, OutputStream stdout) {
        this.paths = Map.copyOf(paths);
        this.stdout = stdout;
    }

    @Override
    public synchronized OutputStream open(Format format, String contentType) throws IOException {
        Path target = paths.get(format);
        if (target == null) throw new IOException("no output file for " + format.id());
        boolean toStdout = target.equals(STDOUT);
        if (!toStdout && target.toAbsolutePath().getParent() != null) Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = toStdout ? Files.createTempFile("pagelens-stdout", ".part") : target.resolveSibling(target.getFileName() + ".part");
        partial.add(part);
        return new PartFile(part, () -> {
            synchronized (this) {
                if (toStdout) {
                    try {
                        Files.copy(part, stdout);
                        stdout.flush();
                    } finally {
                        partial.remove(part);
                        deleteQuietly(part);
                    }
                } else {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    partial.remove(part);
                    written.add(target);
                }
            }
        });
    }

    /** Where an artifact's bytes go until it is complete; {@code complete} runs once, when the stream is closed. */
    private static final class PartFile extends FilterOutputStream {
        interface Completion {
            void run() throws IOException;
        }

        private final Completion complete;
        private boolean closed;

        PartFile(Path part, Completion complete) throws IOException {
            super(Files.newOutputStream(part));
            this.complete = complete;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len); // FilterOutputStream would write byte by byte
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            super.close();
            complete.run();
        }
    }

    @Override
    public synchronized void discard() {
        for (Path p : partial) deleteQuietly(p);
        for (Path p : written) deleteQuietly(p);
        partial.clear();
        written.clear();
    }

    /** The files written (stdout not among them). */
    synchronized List<Path> written() {
        return List.copyOf(written);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
