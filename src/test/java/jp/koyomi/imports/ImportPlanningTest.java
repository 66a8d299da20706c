package jp.koyomi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ImportPlanningTest {

    @Inject
    ImportService imports;

    @Inject
    AgroalDataSource db;

    /** Records, batch by batch, how PostgreSQL plans the statements of the import's transaction. */
    static final class PlanProbe implements RowImporter<String> {
        final List<String> modes = new ArrayList<>();

        @Override
        public Spec spec() {
            return new Spec("probe", Set.of("key"), Set.of("key"), "key");
        }

        @Override
        public String parse(Row row, ImportErrors errors) {
            return row.value("key");
        }

        @Override
        public String key(String record) {
            return record;
        }

        @Override
        public List<String> resolve(List<String> batch, Connection connection, ImportErrors errors) {
            return batch;
        }

        @Override
        public int write(List<String> batch, Connection connection) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW plan_cache_mode")) {
                rs.next();
                modes.add(rs.getString(1));
            }
            return batch.size();
        }
    }

    @Test
    void shouldPlanEveryBatchWithItsOwnKeysOnPostgreSQLSoImportsStayFlatInFileSize() throws Exception {
        try (Connection c = db.getConnection()) {
            assumeTrue(BulkCopy.supported(c), "PostgreSQL only: H2 has no plan cache to go stale");
        }
        PlanProbe probe = new PlanProbe();
        imports.run(probe, IntStream.rangeClosed(1, ImportService.COPY_BATCH_SIZE * 3)
                .mapToObj(i -> new Row(i, Map.of("key", "K" + i))).iterator());

        assertEquals(List.of("force_custom_plan", "force_custom_plan", "force_custom_plan"), probe.modes);
    }
}
