package jp.koyomi.campaign;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.koyomi.support.TemplateIds;

/**
 * docs/campaigns.md, read as a script: every request in it is sent in order to the running API and
 * must get the answer the guide states, so the guide cannot drift from what Koyomi does.
 */
@QuarkusTest
class CampaignGuideTest {

    /** A request block, the answer line under it, and the placeholder its id fills, if any. */
    private static final Pattern STEP = Pattern.compile("```http\\n(GET|POST|PUT|DELETE) (\\S+)\\n(.*?)```\\s*\\n+"
            + "Answer: `(\\d{3})`(?:, its `id` is `\\{(\\w+)}`)?", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyRequestOfTheIntegratorsGuideGetsTheAnswerItStates() throws Exception {
        String guide = Files.readString(Path.of("docs/campaigns.md"));
        Map<String, String> ids = new HashMap<>();
        Matcher step = STEP.matcher(guide);
        int steps = 0;
        while (step.find()) {
            String method = step.group(1);
            String path = fill(step.group(2), ids);
            String[] headersAndBody = step.group(3).split("\\n\\n", 2);
            String contentType = "application/json";
            String body = step.group(3).trim();
            if (headersAndBody.length == 2 && headersAndBody[0].startsWith("Content-Type:")) {
                contentType = headersAndBody[0].substring("Content-Type:".length()).trim();
                body = headersAndBody[1].trim();
            }
            RequestSpecification request = as("admin");
            if (!body.isEmpty()) {
                request = request.contentType(contentType).body(fill(body, ids));
            }
            Response response = request.request(method, path);
            String what = method + " " + path;
            assertEquals(Integer.parseInt(step.group(4)), response.statusCode(), what + " answered " + response.asString());
            if (response.statusCode() == 201) {
                assertTrue(response.header("Location") != null || !path.equals("/api/v1/campaigns"),
                        what + " names the new campaign in Location");
            }
            if (step.group(5) != null) {
                Object id = response.jsonPath().get("id");
                assertNotNull(id, what + " has no id");
                ids.put(step.group(5), id.toString());
            }
            steps++;
        }
        assertTrue(steps >= 15, "the guide's requests were not all found: " + steps);
    }

    @Test
    void theMisspeltFieldOfTheGuideIsNamedAsTheGuideSays() {
        as("marketer").contentType("application/json").body("{\"name\":\"綴り\",\"definition\":{\"cadence\":{\"type\":"
                + "\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"fallback\":[\"EMAIL\"],\"templates\":{\"EMAIL\":" + TemplateIds.email() + "},"
                + "\"holdoutPercent\":5}}").post("/api/v1/campaigns").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("definition.holdoutPercent"))
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("unknown field; did you mean holdout_percent?"));
    }

    private static String fill(String text, Map<String, String> ids) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = ids.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(b);
        return b.toString();
    }
}
