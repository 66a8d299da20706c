package jp.koyomi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** The contract test's schema check itself: it must catch what it is there to catch. */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OpenApiDocument document(String json) throws Exception {
        Constructor<OpenApiDocument> c = OpenApiDocument.class.getDeclaredConstructor(JsonNode.class);
        c.setAccessible(true);
        return c.newInstance(JSON.readTree(json));
    }

    private static int errors(OpenApiDocument document, String schema, String body) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(document.strictSchema(JSON.readTree(schema))).validate(JSON.readTree(body)).size();
    }

    @Test
    void aResponseFieldTheDocumentDoesNotNameFailsEvenBehindARef() throws Exception {
        OpenApiDocument d = document("""
                {"components": {"schemas": {"Run": {"type": "object", "required": ["id"],
                  "properties": {"id": {"type": "integer"}, "status": {"type": ["string", "null"]}}}}}}
                """);
        String ref = "{\"$ref\": \"#/components/schemas/Run\"}";

        assertEquals(0, errors(d, ref, "{\"id\": 1, \"status\": null}"));
        assertTrue(errors(d, ref, "{\"id\": 1, \"runStatus\": \"DONE\"}") > 0, "an undocumented field");
        assertTrue(errors(d, ref, "{\"status\": \"DONE\"}") > 0, "a missing required field");
        assertTrue(errors(d, ref, "{\"id\": \"one\"}") > 0, "a wrong type");
    }
}
