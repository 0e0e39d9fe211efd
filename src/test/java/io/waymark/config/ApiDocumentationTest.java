package io.waymark.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.waymark.support.Api;
import io.waymark.support.EmbeddedWaymarkTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document lists every {@code /api/v1} endpoint the application serves. */
class ApiDocumentationTest extends EmbeddedWaymarkTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void documentListsEveryApiV1Endpoint() {
        JsonNode paths = api().get("/v3/api-docs").get("paths");
        List<String> served = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPathPatternsCondition().getPatternValues()
            .stream()
            .filter(pattern -> pattern.startsWith("/api/v1/"))
            .forEach(pattern -> {
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    served.add(m.name().toLowerCase(Locale.ROOT) + " " + pattern);
                }
            }));
        assertThat(served).as("the application serves /api/v1 endpoints").hasSizeGreaterThan(5);
        for (String endpoint : served) {
            String[] parts = endpoint.split(" ");
            assertThat(paths.has(parts[1])).as("documented path %s", parts[1]).isTrue();
            assertThat(paths.get(parts[1]).has(parts[0])).as("documented operation %s", endpoint).isTrue();
        }
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
    }

    @Test
    void parametersAndProblemAnswersAreDescribed() {
        JsonNode locations = api().get("/v3/api-docs").get("paths").get("/api/v1/devices/{user}/{device}/locations")
            .get("get");
        List<String> parameters = new ArrayList<>();
        locations.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).contains("user", "device", "from", "to", "limit");
        JsonNode badRequest = locations.get("responses").get("400");
        assertThat(badRequest.get("content").has("application/problem+json")).isTrue();
        assertThat(locations.get("responses").has("404")).isTrue();
        assertThat(api().get("/v3/api-docs").get("components").get("schemas").get("Problem").get("properties")
            .has("detail")).isTrue();
    }

    @Test
    void theDeviceListIsDocumentedAsAnArrayOfDevicesThoughWrittenAsBytes() {
        JsonNode docs = api().get("/v3/api-docs");
        JsonNode ok = docs.get("paths").get("/api/v1/devices").get("get").get("responses").get("200");
        JsonNode schema = ok.get("content").get("application/json").get("schema");
        assertThat(schema.get("type").asString()).isEqualTo("array");
        assertThat(schema.get("items").get("$ref").asString()).isEqualTo("#/components/schemas/DeviceView");
        assertThat(docs.get("components").get("schemas").get("DeviceView").get("properties").has("presence")).isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response page = api().call("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(api().call("/swagger-ui.html").status()).isIn(200, 302);
    }
}
