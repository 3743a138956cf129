package io.pagelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stderr is a terminal, so progress bars are drawn only where a person watches them. */
final class Terminal {
    private Terminal() {
    }

    /**
     * On Linux, whether file descriptor 2 is a tty ({@code /dev/pts/N}, {@code /dev/ttyN}); elsewhere, whether the
     * JVM has an interactive console (stdin and stdout, the closest Java can tell).
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | SecurityException e) {
            // fall back below
        }
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }
}
