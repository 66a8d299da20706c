package jp.koyomi.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/** The document served at /q/openapi, read as the tests need it: operations, roles, examples. */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument fetch() throws Exception {
        String body = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        return new OpenApiDocument(JSON.readTree(body));
    }

    public JsonNode root() {
        return root;
    }

    /** One documented operation. */
    public record Operation(String method, String path, JsonNode node) {

        /** The role the operation requires, or null when it is open. */
        public String role() {
            JsonNode security = node.path("security");
            for (JsonNode requirement : security) {
                for (Iterator<JsonNode> roles = requirement.elements(); roles.hasNext();) {
                    JsonNode list = roles.next();
                    if (list.size() > 0) {
                        return list.get(0).asText();
                    }
                }
            }
            return null;
        }

        /** The path with every path parameter replaced by its documented example, plus required query parameters. */
        public String exampleUrl() {
            String url = path;
            List<String> query = new ArrayList<>();
            for (JsonNode p : node.path("parameters")) {
                String example = example(p);
                if (p.path("in").asText().equals("path")) {
                    if (example == null) {
                        throw new AssertionError(this + ": path parameter " + p.path("name").asText() + " has no example");
                    }
                    url = url.replace("{" + p.path("name").asText() + "}", example);
                } else if (p.path("in").asText().equals("query") && p.path("required").asBoolean() && example != null) {
                    query.add(p.path("name").asText() + "=" + example);
                }
            }
            return query.isEmpty() ? url : url + "?" + String.join("&", query);
        }

        /** The media type and the first documented example of the request body; null when it takes none. */
        public Map.Entry<String, String> exampleBody() {
            JsonNode content = node.path("requestBody").path("content");
            if (content.isMissingNode()) {
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext();) {
                Map.Entry<String, JsonNode> type = types.next();
                JsonNode example = type.getValue().path("examples").elements().hasNext()
                        ? type.getValue().path("examples").elements().next().path("value")
                        : type.getValue().path("example");
                if (!example.isMissingNode()) {
                    return Map.entry(type.getKey(), example.isTextual() ? example.asText() : example.toString());
                }
            }
            throw new AssertionError(this + " takes a body but documents no example of it");
        }

        public JsonNode response(int status) {
            JsonNode r = node.path("responses").path(String.valueOf(status));
            return r.isMissingNode() ? node.path("responses").path("default") : r;
        }

        private static String example(JsonNode parameter) {
            JsonNode e = parameter.path("example");
            if (e.isMissingNode() && parameter.path("schema").path("examples").isArray()) {
                e = parameter.path("schema").path("examples").path(0);
            }
            if (e.isMissingNode() || e.isNull()) {
                return null;
            }
            return e.asText();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> {
            for (String verb : VERBS) {
                JsonNode op = path.getValue().get(verb);
                if (op != null) {
                    operations.add(new Operation(verb, path.getKey(), op));
                }
            }
        });
        return operations;
    }

    /**
     * A JSON Schema (2020-12) document for one schema of the OpenAPI document: the schema itself,
     * with the document's component schemas as its {@code $defs} so that its {@code $ref}s resolve.
     * Strict: an object schema that lists its properties admits no other, so a field the document
     * does not name fails.
     */
    public JsonNode strictSchema(JsonNode schema) throws Exception {
        ObjectNode s = JSON.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.set("$defs", root.path("components").path("schemas").deepCopy());
        s.set("allOf", JSON.createArrayNode().add(schema.deepCopy()));
        strict(s);
        return JSON.readTree(s.toString().replace("\"#/components/schemas/", "\"#/$defs/"));
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            // OpenAPI's discriminator only annotates; the oneOf it sits beside does the validating.
            o.remove("discriminator");
            if (o.has("properties") && o.path("properties").isObject() && !o.has("additionalProperties")
                    && !o.has("unevaluatedProperties")) {
                o.put("unevaluatedProperties", false);
            }
            o.elements().forEachRemaining(OpenApiDocument::strict);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(OpenApiDocument::strict);
        }
    }
}
