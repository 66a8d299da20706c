package jp.koyomi.channel.postal;

import static jp.koyomi.support.TestUsers.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.domain.Channel;
import jp.koyomi.support.Csv;
import jp.koyomi.support.Db;
import jp.koyomi.support.Runs;

@QuarkusTest
class PostalExportTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChannelsConfig channels;

    /** A run with one POSTAL delivery to each of {@code count} customers who consented to postal DM. */
    private List<Long> postalRun(String prefix, int count, long[] run) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Csv.customer(prefix + i, String.format("%03d-%04d", 100 + i % 800, i))
                    .replace(",true,false,false,EMAIL,", ",false,false,true,POSTAL,"));
        }
        as("marketer").contentType("text/csv").body(Csv.of(Csv.CUSTOMER_HEADER, rows.toArray(String[]::new)))
                .post("/api/v1/imports/customers").then().statusCode(200);
        run[0] = Runs.completed(dataSource, "postal " + prefix);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long customer = Long.parseLong(Db.value(dataSource, "SELECT id FROM customer WHERE external_id = ?", prefix + i));
            ids.add(Runs.delivery(dataSource, run[0], customer, Channel.POSTAL));
        }
        return ids;
    }

    private static Response export(long run) {
        return as("marketer").post("/api/v1/postal-exports/run/" + run);
    }

    private static byte[] file(int export) {
        return as("marketer").get("/api/v1/postal-exports/" + export + "/file").then().statusCode(200).extract().asByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String status(long delivery) throws SQLException {
        return Db.value(dataSource, "SELECT status FROM delivery WHERE id = ?", delivery);
    }

    @Test
    void shouldKeepTheFirstFileWhenTheRunIsExportedTwiceInTheSameSecond() throws Exception {
        long[] run = new long[1];
        postalRun("PX-TWICE-", 5, run);

        Response first = export(run[0]);
        Response second = export(run[0]);

        first.then().statusCode(201);
        second.then().statusCode(201);
        assertEquals(5, first.jsonPath().getInt("row_count"));
        assertEquals(0, second.jsonPath().getInt("row_count"), "every row was exported by the first");
        assertNotEquals(first.jsonPath().getString("file_name"), second.jsonPath().getString("file_name"));
        byte[] firstFile = file(first.jsonPath().getInt("id"));
        assertEquals(first.jsonPath().getString("sha256"), sha256(firstFile), "the first file is still the one recorded");
        assertEquals(6, new String(firstFile, PostalCsvWriter.WINDOWS_31J).split("\r\n").length, "header and 5 rows");
    }

    @Test
    void shouldExportEachRowOnceWhenTwoExportsRunAtOnce() throws Exception {
        long[] run = new long[1];
        List<Long> deliveries = postalRun("PX-RACE-", 300, run);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> exports = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                exports.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return export(run[0]);
                }, pool));
            }
            go.countDown();
            int rows = 0;
            List<String> lines = new ArrayList<>();
            for (CompletableFuture<Response> f : exports) {
                Response r = f.get(120, TimeUnit.SECONDS);
                assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.asString());
                if (r.statusCode() == 409) {
                    assertTrue(r.asString().contains("another postal export of run"), r.asString());
                    continue;
                }
                rows += r.jsonPath().getInt("row_count");
                String csv = new String(file(r.jsonPath().getInt("id")), PostalCsvWriter.WINDOWS_31J);
                List<String> body = List.of(csv.split("\r\n"));
                lines.addAll(body.subList(1, body.size()));
            }
            assertEquals(300, rows, "each row exported once, by one of the two");
            assertEquals(300, lines.stream().distinct().count());
            for (long id : deliveries) {
                assertEquals("SENT", status(id));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRemoveTheHalfWrittenFileOfAnExportKilledBeforeItWasRecorded() throws Exception {
        long[] run = new long[1];
        postalRun("PX-KILLED-", 3, run);
        Path dir = Path.of(channels.outboxDirectory(), "postal");
        Files.createDirectories(dir);
        // What an export of this run killed while writing left: its .part.
        Path partial = Files.writeString(dir.resolve("run-" + run[0] + "-export-999001-20260101T000000Z.csv"
                + PostalExportService.PART), "郵便番号\r\n");
        Path otherRun = Files.writeString(dir.resolve("run-" + (run[0] + 100000) + "-export-999003-20260101T000000Z.csv"
                + PostalExportService.PART), "");

        Response export = export(run[0]);

        export.then().statusCode(201);
        assertEquals(3, export.jsonPath().getInt("row_count"));
        assertFalse(Files.exists(partial), "a half-written file of this run is removed");
        assertTrue(Files.exists(otherRun), "another run's files are left to that run's export");
        assertTrue(Files.exists(dir.resolve(export.jsonPath().getString("file_name"))));
        assertFalse(Files.exists(dir.resolve(export.jsonPath().getString("file_name") + PostalExportService.PART)),
                "the recorded file was moved to its name, not left as a .part");
        Files.delete(otherRun);
    }

    @Test
    void shouldRefuseAnExportWhileAnotherOfTheSameRunIsStillWriting() throws Exception {
        long[] run = new long[1];
        List<Long> deliveries = postalRun("PX-LOCK-", 2, run);
        // Another export's transaction holds the run, as it does while it writes.
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM campaign_run WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, run[0]);
                lock.executeQuery().close();
            }
            export(run[0]).then().statusCode(409);
            other.rollback();
        }
        assertEquals("PENDING", status(deliveries.get(0)), "the refused export changed nothing");
        assertEquals(2, export(run[0]).then().statusCode(201).extract().jsonPath().getInt("row_count"));
    }

    @Test
    void shouldNotPrintLettersToCustomersWhoWithdrewPostalConsentAfterTheRun() throws Exception {
        long[] run = new long[1];
        List<Long> deliveries = postalRun("PX-CONSENT-", 3, run);
        Runs.update(dataSource, "UPDATE customer SET postal_consent = FALSE WHERE external_id = ?", "PX-CONSENT-1");

        Response export = export(run[0]);

        export.then().statusCode(201);
        assertTrue(export.header("Location").endsWith("/api/v1/postal-exports/" + export.jsonPath().getInt("id")));
        assertEquals(2, export.jsonPath().getInt("row_count"));
        assertEquals(1, export.jsonPath().getInt("held_back_count"));
        assertEquals("PX-CONSENT-1", export.jsonPath().getString("held_back[0].external_id"));
        assertTrue(export.jsonPath().getString("held_back[0].reason").contains("consent withdrawn"));
        assertEquals("SKIPPED", status(deliveries.get(1)));
        String csv = new String(file(export.jsonPath().getInt("id")), PostalCsvWriter.WINDOWS_31J);
        assertFalse(csv.contains("px-consent-1") || csv.contains("100-0001"), csv);
    }

    @Test
    void shouldNotPrintALetterWhoseOfferSoldOutOrExpiredSinceTheRun() throws Exception {
        as("marketer").contentType("text/csv").body(Csv.of(Csv.PRODUCT_HEADER,
                Csv.product("PX-COAT", "coat", "PX-COAT-M", "M", 0)))
                .post("/api/v1/imports/products").then().statusCode(200);
        long[] run = new long[1];
        List<Long> deliveries = postalRun("PX-STOCK-", 3, run);
        Runs.update(dataSource, "UPDATE delivery SET offered_skus = ?, offer_min_stock = 1 WHERE id = ?",
                "[\"PX-COAT-M\"]", deliveries.get(0));
        Runs.update(dataSource, "UPDATE delivery SET expires_at = created_at - INTERVAL '1' HOUR WHERE id = ?",
                deliveries.get(2));

        Response export = export(run[0]);

        assertEquals(1, export.jsonPath().getInt("row_count"));
        assertEquals(2, export.jsonPath().getInt("held_back_count"));
        assertEquals("SOLD_OUT_BEFORE_SEND", status(deliveries.get(0)));
        assertEquals("SENT", status(deliveries.get(1)));
        assertEquals("EXPIRED", status(deliveries.get(2)));
    }
}
