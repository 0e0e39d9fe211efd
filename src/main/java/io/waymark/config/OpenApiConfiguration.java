package io.waymark.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/v1} ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}). Springdoc reads paths, parameters and answers from the controllers;
 * this adds what every endpoint shares: the RFC 9457 problem answers Waymark gives for bad
 * parameters, unknown devices and missing or insufficient credentials.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI waymarkOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Waymark API")
                .description("OwnTracks-compatible location and presence backend: devices, their last-known "
                        + "locations, history, presence, transitions, rejected messages and the live stream. "
                        + "Times are ISO-8601 UTC; `tst` stays epoch seconds as in OwnTracks. Errors are "
                        + "`application/problem+json` (RFC 9457).")
                .license(new License().name("Apache-2.0")));
    }

    /** Every operation may answer a problem; the codes it can give depend on its kind. */
    @Bean
    OpenApiCustomizer openApiProblemAnswers() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                addProblem(op, "400", "Bad parameters or body: `detail` says which and why");
                addProblem(op, "401", "No or bad credentials");
                addProblem(op, "403", "Authenticated, but not allowed");
                if (path.contains("{")) {
                    addProblem(op, "404", "No such resource, or one the caller may not see (the same answer)");
                }
            }));
        };
    }

    private static void addProblem(Operation operation, String code, String description) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
        operation.setResponses(responses);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
            .addProperty("type", new StringSchema().example("about:blank"))
            .addProperty("title", new StringSchema().example("Bad Request"))
            .addProperty("status", new IntegerSchema().example(400))
            .addProperty("detail", new StringSchema().example("'limit' must be greater than 0, got '0'"))
            .addProperty("instance", new StringSchema().example("/api/v1/devices/jane/phone/locations"));
    }
}
