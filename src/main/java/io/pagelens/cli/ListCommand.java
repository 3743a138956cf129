package io.pagelens.cli;

import io.pagelens.config.Env;
import io.pagelens.json.Jackson;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.PageInfo;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code pagelens list}: what is stored. Without a project: the projects. With one: its pages and their current
 * captures ({@code --history} adds older versions). Reads the same database and blob store as every other command
 * (DATABASE_URL or PAGELENS_DATA).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List stored projects, or the pages and captures of one project.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The environment storage is opened from; tests replace it. */
    Env env = Env.system();

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "Project name or id; omit to list projects.")
    String project;

    @Option(names = "--project", paramLabel = "PROJECT", description = "The same as the PROJECT argument (as in pagelens capture --project).")
    String projectOption;

    @Option(names = "--history", description = "Also list older versions of each capture.")
    boolean history;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most this many rows per list. Default: 100.")
    int limit;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        if (projectOption != null && project != null && !projectOption.equals(project)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--project " + projectOption
                    + " and PROJECT " + project + " name different projects; give one");
        }
        if (project == null) project = projectOption;
        PrintWriter out = spec.commandLine().getOut();
        try (Storage storage = Storage.open(env)) {
            if (project == null) return listProjects(storage, out);
            ProjectInfo p = storage.project(project).orElse(null);
            if (p == null) {
                spec.commandLine().getErr().println("no project '" + project + "' (pagelens list shows the projects)");
                return 2;
            }
            return listProject(storage, p, out);
        }
    }

    private int listProjects(Storage storage, PrintWriter out) {
        List<ProjectInfo> projects = all(q -> storage.projects(q));
        if (json) {
            for (ProjectInfo p : projects) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("name", p.name());
                m.put("keepVersions", p.retention().keepVersions());
                m.put("maxAge", p.retention().maxAge() == null ? null : p.retention().maxAge().toString());
                m.put("createdAt", p.createdAt().toString());
                out.println(toJson(m));
            }
        } else {
            Table t = new Table("PROJECT", "ID", "KEEP-VERSIONS", "MAX-AGE", "CREATED");
            for (ProjectInfo p : projects) {
                t.row(p.name(), p.id(), String.valueOf(p.retention().keepVersions() == null ? "default" : p.retention().keepVersions()),
                        p.retention().maxAge() == null ? "-" : p.retention().maxAge().toString(), p.createdAt().toString());
            }
            t.print(out, "no projects stored yet (pagelens capture URL --project NAME stores one)");
        }
        return 0;
    }

    private int listProject(Storage storage, ProjectInfo p, PrintWriter out) {
        List<PageInfo> pages = all(q -> storage.pages(p.id(), q));
        List<StoredCapture> captures = all(q -> storage.captures(p.id(), history, q));
        if (json) {
            for (PageInfo pg : pages) {
                out.println(toJson(Map.of("pageId", pg.id(), "pageType", pg.pageType(), "url", pg.url(),
                        "createdAt", pg.createdAt().toString())));
            }
            captures.forEach(c -> out.println(toJson(captureSummary(c))));
            return 0;
        }
        out.println("project " + p.name() + " (" + p.id() + "): " + pages.size() + " page(s), " + captures.size()
                + (history ? " capture version(s)" : " current capture(s)"));
        Table t = new Table("PAGE-TYPE", "URL", "VARIANT", "VERSION", "CURRENT", "CAPTURED", "STATUS", "FORMATS", "BYTES", "CAPTURE-ID");
        for (StoredCapture c : captures) {
            t.row(c.pageType(), c.url(), c.variant().isEmpty() ? "-" : c.variant(), String.valueOf(c.version()),
                    c.current() ? "yes" : "no", c.capturedAt().toString(), String.valueOf(c.report().httpStatus()),
                    c.artifacts().stream().map(a -> a.format().id()).collect(Collectors.joining(",")),
                    String.valueOf(c.artifacts().stream().mapToLong(StoredArtifact::bytes).sum()), c.id());
        }
        t.print(out, "no captures stored in this project");
        return 0;
    }

    private <T> List<T> all(Function<ListQuery, Listing<T>> page) {
        List<T> items = new ArrayList<>();
        ListQuery q = ListQuery.first(Math.min(limit, ListQuery.MAX_LIMIT));
        while (items.size() < limit) {
            Listing<T> l = page.apply(q);
            items.addAll(l.items());
            if (!l.hasMore()) break;
            q = new ListQuery(q.limit(), l.nextCursor());
        }
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    private static Map<String, Object> captureSummary(StoredCapture c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("project", c.project());
        m.put("pageType", c.pageType());
        m.put("url", c.url());
        m.put("variant", c.variant());
        m.put("version", c.version());
        m.put("current", c.current());
        m.put("capturedAt", c.capturedAt().toString());
        m.put("httpStatus", c.report().httpStatus());
        m.put("artifacts", c.artifacts());
        return m;
    }

    private static String toJson(Object o) {
        try {
            return Jackson.MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain text table with columns as wide as their widest cell. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void print(PrintWriter out, String whenEmpty) {
            if (rows.size() == 1) {
                out.println(whenEmpty);
                return;
            }
            int[] width = new int[rows.getFirst().length];
            for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    line.append(r[i]);
                    if (i < r.length - 1) line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
                out.println(line);
            }
            out.flush();
        }
    }
}
