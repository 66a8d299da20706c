package jp.koyomi.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes /q/openapi say what goes over the wire where annotations alone cannot: a field that is not
 * required may be null (Jackson writes nulls), and every error response (but 401/403, which have
 * no body, and 413, which the HTTP layer answers before the application) is an
 * {@code application/problem+json} {@link Problem}; an operation that reads a JSON body can answer
 * 400, as the strict JSON reading refuses unknown fields everywhere.
 */
public class OpenApiWire implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiWire::optionalMeansNullable);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getResponses() != null
                        && operation.getResponses().getAPIResponse("400") == null) {
                    operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                            .description("The body is not valid JSON, has a field this endpoint does not know, or a value of the wrong type"));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach(OpenApiWire::problemBody);
                }
            }
        }
    }

    private static void problemBody(String code, APIResponse response) {
        if (!code.startsWith("4") && !code.startsWith("5") || response.getRef() != null) {
            return;
        }
        if (code.equals("401") || code.equals("403") || code.equals("413")) {
            response.setContent(null);
            return;
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        }
    }

    private static void optionalMeansNullable(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            if (!required.contains(property.getKey())) {
                schema.addProperty(property.getKey(), nullable(property.getValue()));
            }
        }
    }

    private static Schema nullable(Schema s) {
        if (s.getRef() != null) {
            Schema nullable = orNull(OASFactory.createSchema().ref(s.getRef()));
            nullable.setDescription(s.getDescription());
            return nullable;
        }
        if (s.getEnumeration() != null) {
            // An enum admits null only when null is one of its values; the document cannot list one.
            return orNull(s);
        }
        if (s.getType() != null && !s.getType().isEmpty() && !s.getType().contains(Schema.SchemaType.NULL)) {
            s.addType(Schema.SchemaType.NULL);
        }
        return s;
    }

    private static Schema orNull(Schema s) {
        return OASFactory.createSchema().anyOf(new ArrayList<>(List.of(s, OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
    }
}
