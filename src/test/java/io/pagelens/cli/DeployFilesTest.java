package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.browser.ShellWords;
import io.pagelens.config.ConfigCatalogue;
import io.pagelens.json.Jackson;
import io.pagelens.server.PagelensServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy files lint: the Procfile's and heroku.yml's processes exist and their commands parse as pagelens
 * commands; app.json declares the database, the worker formation and config vars that the code reads and
 * docs/configuration.md documents; system.properties pins Java 25; the Dockerfile and compose.yaml hold together.
 */
class DeployFilesTest {
    private static Map<String, String> procfile() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("Procfile"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            assertThat(colon).as("Procfile line '%s' is 'name: command'", line).isPositive();
            out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return out;
    }

    /** Parses a pagelens command line as Main would; returns the serve command's role. */
    private static PagelensServer.Role serveRole(List<String> args) {
        CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.ParseResult r = cl.parseArgs(args.toArray(String[]::new));
        assertThat(r.subcommand()).as("%s runs a subcommand", args).isNotNull();
        assertThat(r.subcommand().commandSpec().name()).isEqualTo("serve");
        return ((ServeCommand) r.subcommand().commandSpec().userObject()).role;
    }

    @Test
    void procfile_hasWebAndWorker_runningTheReleaseLauncher_withCommandsThatParse() throws Exception {
        Map<String, String> p = procfile();
        assertThat(p).containsOnlyKeys("web", "worker");
        for (Map.Entry<String, String> e : p.entrySet()) {
            List<String> words = ShellWords.split(e.getValue());
            assertThat(words.getFirst()).as("%s runs the release launcher", e.getKey()).isEqualTo("bin/pagelens");
            assertThat(Path.of(words.getFirst())).isExecutable();
            assertThat(serveRole(words.subList(1, words.size())).name().toLowerCase()).isEqualTo(e.getKey());
        }
    }

    @Test
    void herokuYml_runsTheImage_withTheSameRoles() throws Exception {
        JsonNode y = yaml("heroku.yml");
        assertThat(y.path("build").path("docker").path("web").asText()).isEqualTo("Dockerfile");
        for (String role : List.of("web", "worker")) {
            List<String> words = ShellWords.split(y.path("run").path(role).asText());
            assertThat(words.subList(0, 2)).containsExactly("/opt/pagelens/docker/image.sh", "run");
            assertThat(serveRole(words.subList(2, words.size())).name().toLowerCase()).isEqualTo(role);
        }
    }

    @Test
    void appJson_declaresPostgres_theWorkerFormation_buildpacks_andConfigVarsTheCodeReadsAndTheDocsDescribe() throws Exception {
        JsonNode app = Jackson.STRICT.readTree(Files.readString(Path.of("app.json")));
        List<String> addons = new ArrayList<>();
        app.path("addons").forEach(a -> addons.add(a.isTextual() ? a.asText() : a.path("plan").asText()));
        assertThat(addons).anyMatch(a -> a.startsWith("heroku-postgresql"));
        assertThat(app.path("formation").has("web")).isTrue();
        assertThat(app.path("formation").path("worker").path("quantity").asInt()).isPositive();
        assertThat(procfile().keySet()).as("every formation is a Procfile process").containsAll(iterable(app.path("formation").fieldNames()));
        List<String> buildpacks = new ArrayList<>();
        app.path("buildpacks").forEach(b -> buildpacks.add(b.path("url").asText()));
        assertThat(buildpacks).contains("heroku/java").anyMatch(b -> b.contains("chrome"));
        assertThat(buildpacks.indexOf("heroku/java")).as("Chrome first, so the Java build can train the AOT cache with it")
                .isGreaterThan(buildpacks.indexOf(buildpacks.stream().filter(b -> b.contains("chrome")).findFirst().orElseThrow()));

        Map<String, String> read = ConfigCatalogue.read();
        Map<String, Integer> documented = ConfigCatalogue.documented();
        List<String> problems = new ArrayList<>();
        app.path("env").fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (e.getValue().path("description").asText().isBlank()) problems.add(k + ": no description in app.json");
            if (!read.containsKey(k)) problems.add(k + ": in app.json but pagelens never reads it");
            if (!documented.containsKey(k)) problems.add(k + ": in app.json but has no row in docs/configuration.md");
        });
        assertThat(problems).isEmpty();
        assertThat(app.path("env").path("PAGELENS_API_KEYS").path("required").asBoolean()).as("a dyno has no terminal for a first key").isTrue();
    }

    @Test
    void systemProperties_pinsJava25() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("system.properties"))) {
            p.load(in);
        }
        assertThat(p.getProperty("java.runtime.version")).isEqualTo("25");
    }

    @Test
    void dockerfile_runsTheScriptedSteps_onTemurin25Jre_asNonRoot_underTini() throws Exception {
        String d = Files.readString(Path.of("Dockerfile"));
        assertThat(d).contains("FROM eclipse-temurin:25-jre").contains("RUN /opt/pagelens/docker/image.sh install")
                .contains("RUN /opt/pagelens/docker/image.sh train").contains("USER pagelens").contains("VOLUME /data")
                .contains("ENV PORT=8080").contains("HEALTHCHECK").contains("\"/opt/pagelens/docker/image.sh\", \"health\"")
                .contains("ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"/opt/pagelens/docker/image.sh\", \"run\"]");
        for (String line : d.lines().filter(l -> l.startsWith("COPY ") && !l.contains("--from")).toList()) {
            List<String> words = List.of(line.split("\\s+"));
            for (String src : words.subList(1, words.size() - 1)) assertThat(Path.of(src)).as(line).exists();
        }
        assertThat(Files.readString(Path.of("docker/image.sh"))).contains("chromium-headless-shell").contains("tini").contains("useradd");
    }

    @Test
    void compose_hasWebAndWorker_onPostgres_anS3Server_andRedis() throws Exception {
        JsonNode c = yaml("compose.yaml");
        JsonNode s = c.path("services");
        assertThat(iterable(s.fieldNames())).contains("web", "worker", "postgres", "minio", "redis");
        assertThat(s.path("web").path("command").toString()).isEqualTo("[\"serve\",\"--role\",\"web\"]");
        assertThat(s.path("worker").path("command").toString()).isEqualTo("[\"serve\",\"--role\",\"worker\"]");
        String compose = Files.readString(Path.of("compose.yaml"));
        for (String v : List.of("DATABASE_URL", "PAGELENS_S3_BUCKET", "PAGELENS_S3_ENDPOINT", "PAGELENS_API_KEYS")) {
            assertThat(compose).contains(v + ":");
            assertThat(ConfigCatalogue.read()).containsKey(v);
        }
    }

    /** A YAML file as a JSON tree (SnakeYAML, which resolves compose's anchors and merge keys). */
    private static JsonNode yaml(String file) throws Exception {
        Object doc = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of(file)));
        return Jackson.MAPPER.valueToTree(doc);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
