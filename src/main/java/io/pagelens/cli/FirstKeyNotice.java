package io.pagelens.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where {@code serve} may show the API key it creates at a first start: the process's controlling terminal
 * ({@code /dev/tty}), never stdout or stderr. On Heroku and in a detached container both go to the log drain,
 * where a key is leaked to whoever reads logs; a process without a terminal creates no key at all and logs how
 * to make one ({@code PAGELENS_API_KEYS} or {@code pagelens keys create}). {@code ./pagelens serve} in a shell,
 * {@code heroku run} and {@code docker run -it} have a terminal, even with stderr redirected to a file.
 */
final class FirstKeyNotice {
    static final String TTY = "/dev/tty";

    private FirstKeyNotice() {
    }

    /** The terminal, opened now, or empty when the process has none. */
    static Optional<PrintStream> terminal() {
        try {
            return Optional.of(new PrintStream(new FileOutputStream(TTY), true, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // ENXIO: no controlling terminal
        }
    }

    static void show(PrintStream tty, String token) {
        tty.print("""
                pagelens: first start, created API key 'default' (shown on this terminal only, never logged):
                  %s
                Use it as 'Authorization: Bearer <key>'; manage keys with 'pagelens keys' or PAGELENS_API_KEYS.
                """.formatted(token).replace("\n", "\r\n")); // a raw-mode terminal needs the carriage return too
        tty.flush();
    }

    /** The dashboard's one-time login link; on the terminal only, like the first key (it opens a session). */
    static void showLoginLink(PrintStream tty, int port, String token) {
        tty.print("""
                pagelens: dashboard sign-in (one-time link, shown on this terminal only):
                  http://localhost:%d/login?token=%s
                """.formatted(port, token).replace("\n", "\r\n"));
        tty.flush();
    }
}
