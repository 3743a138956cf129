package io.pagelens.cli;

import io.pagelens.api.ApiSettings;
import io.pagelens.api.auth.ApiKey;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.config.Env;
import io.pagelens.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code pagelens keys create|list|revoke}: API keys in the database that {@code serve} uses. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage API keys (stored as SHA-256 hashes; a token is shown once, at creation).",
        subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The environment the key store is opened from; tests replace it. */
    Env env = Env.system();

    <T> T withStore(Function<ApiKeyStore, T> work) {
        try (Database db = Database.fromEnv(env)) {
            return work.apply(new ApiKeyStore(db, Clock.systemUTC()));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print its token once.")
    static final class Create implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Who or what the key is for (or --name).")
        String positionalName;
        @Option(names = "--name", description = "Who or what the key is for (or the NAME argument).")
        String name;
        @Option(names = "--rate", description = "Requests per minute (default: PAGELENS_RATE_LIMIT or 120).")
        Integer rate;
        @Option(names = "--tenant", defaultValue = io.pagelens.store.TenantScope.DEFAULT,
                description = "The tenant whose projects, captures and jobs the key sees and writes (default: ${DEFAULT-VALUE}).")
        String tenant;
        @Option(names = "--admin", description = "The key sees every tenant's data (it still writes into its own tenant).")
        boolean admin;
        @picocli.CommandLine.ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            if (positionalName != null && name != null && !positionalName.equals(name)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "NAME " + positionalName + " and --name " + name
                        + " differ; give one");
            }
            if (name == null) name = positionalName;
            if (name == null || name.isBlank()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give the key a name: pagelens keys create NAME");
            }
            try {
                io.pagelens.store.TenantScope.requireName("tenant", tenant);
            } catch (io.pagelens.capture.InvalidRequestException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
            int r = rate != null ? rate : ApiSettings.fromEnv(parent.env).defaultRate();
            ApiKeyStore.Created c = parent.withStore(s -> s.create(name, r, tenant, admin));
            PrintStream out = System.out;
            out.println("created key " + c.key().id() + " (" + c.key().name() + ", tenant " + c.key().tenant()
                    + (admin ? ", admin: sees every tenant" : "") + ", " + r + " requests/min)");
            out.println("token (shown once, keep it secret): " + c.token());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their tokens).")
    static final class List implements Callable<Integer> {
        @Option(names = "--json", description = "One JSON object per line instead of a table.")
        boolean json;
        @picocli.CommandLine.ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() throws Exception {
            java.util.List<ApiKey> keys = parent.withStore(ApiKeyStore::list);
            if (json) {
                for (ApiKey k : keys) {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("id", k.id());
                    m.put("name", k.name());
                    m.put("prefix", k.prefix());
                    m.put("tenant", k.tenant());
                    m.put("admin", k.admin());
                    m.put("ratePerMinute", k.ratePerMinute());
                    m.put("createdAt", String.valueOf(k.createdAt()));
                    m.put("lastUsedAt", k.lastUsedAt() == null ? null : k.lastUsedAt().toString());
                    m.put("revoked", k.revoked());
                    System.out.println(io.pagelens.json.Jackson.MAPPER.writeValueAsString(m));
                }
                return 0;
            }
            System.out.printf("%-22s %-12s %-16s %-6s %-24s %-24s %-8s %s%n", "ID", "PREFIX", "TENANT", "RATE", "CREATED", "LAST USED", "STATE", "NAME");
            for (ApiKey k : keys) {
                System.out.printf("%-22s %-12s %-16s %-6d %-24s %-24s %-8s %s%n", k.id(), k.prefix() + "…", k.tenant() + (k.admin() ? " (admin)" : ""),
                        k.ratePerMinute(), k.createdAt(), k.lastUsedAt() == null ? "never" : k.lastUsedAt(), k.revoked() ? "revoked" : "active", k.name());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by id or token prefix.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "KEY", description = "Key id (key_...) or token prefix (pl_...).")
        String key;
        @picocli.CommandLine.ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            boolean done = parent.withStore(s -> s.revoke(key));
            if (!done) {
                System.err.println("no active key '" + key + "'");
                return 1;
            }
            System.out.println("revoked " + key + " (servers stop accepting it within a few seconds)");
            return 0;
        }
    }
}
