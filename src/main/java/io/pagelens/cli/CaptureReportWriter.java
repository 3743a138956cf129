package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.CaptureResult;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON report of one capture ({@code --json FILE} of a single capture, {@code N.json} of a batch line): the
 * line and URL, then the report, artifacts and metadata, or the error; where it is stored, and whether it came from
 * the store. {@code -} as the path writes it to stdout.
 */
final class CaptureReportWriter {
    static final String STDOUT = "-";

    private final PrintStream out;
    private final PrintStream err;

    CaptureReportWriter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ObjectNode failure(int line, String url, String code, String message) {
        ObjectNode n = head(line, url, false);
        n.put("error", code);
        n.put("message", message);
        return n;
    }

    ObjectNode success(int line, String url, CaptureOutcome o) {
        ObjectNode n = head(line, url, true);
        CaptureResult r = o.result();
        StoredCapture c = o.stored();
        if (r != null) {
            n.set("report", Jackson.MAPPER.valueToTree(r.report()));
            n.set("artifacts", Jackson.MAPPER.valueToTree(r.artifacts()));
            if (r.metadata() != null) n.set("metadata", Jackson.MAPPER.valueToTree(r.metadata()));
        } else {
            n.set("report", Jackson.MAPPER.valueToTree(c.report()));
            n.set("artifacts", Jackson.MAPPER.valueToTree(c.artifacts()));
            n.set("metadata", Jackson.MAPPER.valueToTree(c.metadata()));
        }
        if (c != null) {
            ObjectNode s = n.putObject("stored");
            s.put("id", c.id());
            s.put("project", c.project());
            s.put("pageType", c.pageType());
            s.put("variant", c.variant());
            s.put("version", c.version());
            s.put("cached", o.cached());
            if (o.cached()) s.put("ageMs", o.age().toMillis());
        }
        return n;
    }

    private static ObjectNode head(int line, String url, boolean ok) {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        n.put("line", line);
        n.put("url", url);
        n.put("ok", ok);
        return n;
    }

    /** Writes the report to {@code p} (or stdout for {@code -}); a failure to write is reported on stderr. */
    void write(Path p, ObjectNode n) {
        try {
            if (p.toString().equals(STDOUT)) {
                out.println(Jackson.PRETTY.writeValueAsString(n));
                out.flush();
                return;
            }
            if (p.toAbsolutePath().getParent() != null) Files.createDirectories(p.toAbsolutePath().getParent());
            Jackson.PRETTY.writeValue(p.toFile(), n);
        } catch (IOException e) {
            err.println("error: cannot write " + p + ": " + e.getMessage());
        }
    }
}
