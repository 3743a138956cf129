package io.pagelens.web;

import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.CaptureRoutes;
import io.pagelens.api.HealthRoutes;
import io.pagelens.api.JobRoutes;
import io.pagelens.api.ProjectRoutes;
import io.pagelens.api.Route;
import io.pagelens.api.Router;
import io.pagelens.config.Env;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written OpenAPI document and the router describe the same API. */
class OpenApiContractTest {

    /** The router exactly as {@code serve} builds it (handlers never run here, so the parts can be absent). */
    static Router router() {
        ApiSettings s = ApiSettings.fromEnv(new Env(Map.of()));
        Router r = new Router();
        new HealthRoutes(null, null, ApiHooks.basic(() -> ""), new AtomicBoolean()).register(r);
        new JobRoutes(null, () -> false).register(r);
        new CaptureRoutes(null, null, null, s, Clock.systemUTC()).register(r, null);
        new ProjectRoutes(null).register(r, null);
        new io.pagelens.api.MonitorRoutes(null, null, true, () -> false).register(r, null);
        new io.pagelens.api.VariantRoutes(null).register(r, null);
        new io.pagelens.api.DiffRoutes(null).register(r, null);
        new io.pagelens.api.BrandRoutes(null, null, s, Clock.systemUTC(), null, null).register(r, null);
        new io.pagelens.api.CrawlRoutes(null, io.pagelens.crawl.CrawlSettings.DEFAULTS, false, () -> false, null, Clock.systemUTC()).register(r, null);
        new PreviewRoutes(null).register(r, null);
        new WebRoutes(WebAccess.OPEN).register(r);
        return r;
    }

    static OpenAPI document() throws Exception {
        String json = new String(OpenApiDocument.assemble(router().apiDocuments()), StandardCharsets.UTF_8);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
        assertThat(parsed.getMessages()).as("OpenAPI parse messages").isEmpty();
        return parsed.getOpenAPI();
    }

    @Test
    void everyRouteIsDocumented_andEveryDocumentedOperationExists() throws Exception {
        Set<String> routes = new TreeSet<>();
        for (Route r : router().routes()) routes.add(r.method() + " " + r.pattern());
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, PathItem> e : document().getPaths().entrySet()) {
            e.getValue().readOperationsMap().keySet().forEach(m -> documented.add(m.name() + " " + e.getKey()));
        }
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void openRoutes_areTheOnesDocumentedWithoutSecurity() throws Exception {
        OpenAPI doc = document();
        for (Route r : router().routes()) {
            Operation op = doc.getPaths().get(r.pattern()).readOperationsMap().get(PathItem.HttpMethod.valueOf(r.method()));
            boolean documentedOpen = op.getSecurity() != null && op.getSecurity().isEmpty();
            assertThat(documentedOpen).as(r.method() + " " + r.pattern() + " open").isEqualTo(r.open());
        }
    }

    @Test
    void captureRequestSchema_listsEveryOptionTheApiAccepts() throws Exception {
        Set<String> documented = new TreeSet<>(document().getComponents().getSchemas().get("CaptureRequest").getProperties().keySet());
        Set<String> accepted = new TreeSet<>();
        for (var c : io.pagelens.pipeline.CaptureSpec.class.getRecordComponents()) accepted.add(c.getName());
        assertThat(documented).isEqualTo(accepted);
    }

    @Test
    void cleanAndEmulateSchemas_listEveryOptionTheApiAccepts() throws Exception {
        var schemas = document().getComponents().getSchemas();
        assertThat(new TreeSet<>(schemas.get("CleanOptions").getProperties().keySet())).isEqualTo(components(io.pagelens.pipeline.CleanSpec.class));
        assertThat(new TreeSet<>(schemas.get("PageAction").getProperties().keySet())).isEqualTo(components(io.pagelens.pipeline.CleanSpec.ActionSpec.class));
        assertThat(new TreeSet<>(schemas.get("EmulateOptions").getProperties().keySet())).isEqualTo(components(io.pagelens.pipeline.EmulateSpec.class));
    }

    private static Set<String> components(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (var c : type.getRecordComponents()) names.add(c.getName());
        return names;
    }
}
