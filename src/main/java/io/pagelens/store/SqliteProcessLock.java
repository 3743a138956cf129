package io.pagelens.store;

import io.pagelens.config.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One serving process per SQLite data folder. SQLite's single writer and the in-process job events hold only
 * within one process, so a second {@code serve} on the same folder is refused at start with an error naming the
 * holder, instead of two processes sharing a queue whose events neither sees. An OS file lock ({@code fcntl}) on
 * {@code pagelens.db.lock}: it goes with the process, so a killed server never leaves a stale lock behind.
 */
public final class SqliteProcessLock implements AutoCloseable {
    public static final String FILE = Database.SQLITE_FILE + ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteProcessLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or throws a {@link ConfigException} naming {@code PAGELENS_DATA} and the holder's pid. */
    public static SqliteProcessLock acquire(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (a second serve in one JVM)
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                ch.close();
                throw new ConfigException("PAGELENS_DATA", dataFolder.toString(), "is in use by another pagelens serve process"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ": the embedded SQLite database serves one process. "
                        + "Stop that one, give this one its own PAGELENS_DATA, or share PostgreSQL (DATABASE_URL) to run several");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new SqliteProcessLock(ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) lock.release();
        channel.close();
    }
}
