package jp.koyomi.campaign;

import static jp.koyomi.support.TestUsers.as;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jp.koyomi.support.TemplateIds;

/** V28: a campaign stored with the old camelCase rule names keeps working after the rename. */
@QuarkusTest
class SnakeCaseRulesMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCampaignStoredWithCamelCaseRulesReadsAsSnakeCaseAfterTheMigration() throws Exception {
        int id = as("marketer").contentType("application/json").body("{\"name\":\"旧形式のキャンペーン\",\"definition\":{"
                + "\"cadence\":{\"type\":\"CRON\",\"expression\":\"0 0 10 ? * MON\"},\"rules\":{\"items\":{\"sources\":"
                + "[{\"type\":\"LAST_CHANCE\",\"bought_scope\":\"CATEGORY\"}],\"max_items\":2}},\"fallback\":[\"EMAIL\"],"
                + "\"templates\":{\"EMAIL\":" + TemplateIds.email() + "}}}").post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE campaign SET definition = REPLACE(REPLACE(definition, "
                    + "'\"bought_scope\"', '\"boughtScope\"'), '\"max_items\"', '\"maxItems\"') WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            String migration = Files.readString(Path.of("src/main/resources/db/migration/V28__snake_case_rule_json.sql"));
            try (Statement s = c.createStatement()) {
                for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        s.executeUpdate(statement);
                    }
                }
            }
        }

        as("viewer").get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("definition.rules.items.sources[0].bought_scope", equalTo("CATEGORY"))
                .body("definition.rules.items.max_items", equalTo(2));
    }
}
