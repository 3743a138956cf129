package io.pagelens.cli;

import io.pagelens.config.Env;
import io.pagelens.json.Jackson;
import io.pagelens.store.GcReport;
import io.pagelens.store.RetentionReport;
import io.pagelens.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pagelens gc}: applies retention (per-project max versions and max age) and deletes blobs no capture
 * references. Safe to run beside a running server: blobs of captures in flight are protected by the grace period
 * (PAGELENS_BLOB_GRACE).
 */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Apply retention limits, then delete stored blobs no capture references.")
public final class GcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The environment storage is opened from; tests replace it. */
    Env env = Env.system();

    @Option(names = "--no-retention", description = "Only collect unreferenced blobs; keep every capture.")
    boolean noRetention;

    @Option(names = "--json", description = "One JSON object with the figures instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Storage storage = Storage.open(env)) {
            RetentionReport r = noRetention ? null : storage.applyRetention();
            GcReport g = storage.collectGarbage();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("retentionApplied", r != null);
                m.put("capturesDeleted", r == null ? 0 : r.capturesDeleted());
                m.put("blobsDeleted", g.deleted());
                m.put("bytesFreed", g.bytesFreed());
                m.put("untrackedAdopted", g.adopted());
                m.put("failed", g.failed());
                out.println(Jackson.MAPPER.writeValueAsString(m));
                out.flush();
                return g.failed() > 0 ? 1 : 0;
            }
            if (r != null) out.println("retention: " + r.capturesDeleted() + " capture version(s) removed");
            out.println("gc: " + g.deleted() + " blob(s) deleted, " + g.bytesFreed() + " bytes freed"
                    + (g.adopted() > 0 ? ", " + g.adopted() + " untracked blob(s) found" : "")
                    + (g.failed() > 0 ? ", " + g.failed() + " could not be deleted (retried next time)" : ""));
            out.flush();
            return g.failed() > 0 ? 1 : 0;
        }
    }
}
