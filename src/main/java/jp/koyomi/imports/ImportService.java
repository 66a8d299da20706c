package jp.koyomi.imports;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jp.koyomi.common.InvalidInputException;

/**
 * Runs one import in one transaction: rows are parsed and checked one by one, then in batches
 * checked for keys an earlier row had ({@link FirstRows}), resolved and, while the file is clean,
 * written; the whole import is rolled back if any row is bad.
 * After the first error nothing more is written, but every row is still checked so the answer
 * lists what is wrong (the first {@link ImportErrors#MAX_REPORTED}) and counts all bad rows' errors.
 */
@ApplicationScoped
public class ImportService {

    /** Rows per batch of H2's batched statements. */
    static final int BATCH_SIZE = 500;
    /**
     * Rows per batch on PostgreSQL unless the importer says otherwise, where a batch is one COPY
     * into a staging table and a few set-based statements: each batch costs some round trips, a
     * TRUNCATE and plans whatever its size, which at 500 rows was most of an import's time.
     */
    static final int COPY_BATCH_SIZE = 10_000;

    @Inject
    AgroalDataSource dataSource;

    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 3600)
    public <R> ImportResult run(RowImporter<R> importer, InputStream body, boolean json) {
        try (RowSource rows = json ? RowSource.json(body) : RowSource.csv(body);
                Connection connection = dataSource.getConnection()) {
            return run(importer, rows, connection);
        } catch (RowSource.UnreadableException e) {
            throw new ImportRejectedException(importer.spec().what(), 1, List.of(e.error()));
        } catch (IOException e) {
            throw new InvalidInputException("body", "unreadable import body: " + e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed in the database", e);
        }
    }

    /** Imports rows made in code, e.g. by the demo brand, with the same checks as a file. */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 3600)
    public <R> ImportResult run(RowImporter<R> importer, java.util.Iterator<Row> generated) {
        try (RowSource rows = RowSource.of(generated); Connection connection = dataSource.getConnection()) {
            return run(importer, rows, connection);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Import failed in the database", e);
        }
    }

    private <R> ImportResult run(RowImporter<R> importer, RowSource rows, Connection connection) throws SQLException {
        ImportErrors errors = new ImportErrors();
        FirstRows keys = new FirstRows("import_key");
        Set<String> unknownColumns = new HashSet<>();
        int batchSize = BulkCopy.supported(connection) ? importer.copyBatchSize() : BATCH_SIZE;
        List<Numbered<R>> batch = new ArrayList<>(batchSize);
        int created = 0;
        int total = 0;
        planEachBatchAfresh(connection);
        if (rows.hasHeaderRow() && !checkHeader(importer, rows.header(), errors)) {
            throw new ImportRejectedException(importer.spec().what(), errors.total(), errors.list());
        }
        while (rows.hasNext()) {
            Row row = rows.next();
            for (String column : row.cells().keySet()) {
                if (!importer.spec().columns().contains(column) && unknownColumns.add(column)) {
                    errors.add(row.number(), column, unknownColumn(importer));
                }
            }
            R record = importer.parse(row, errors);
            if (record == null || errors.full()) {
                // Past the listed errors, rows are only checked and counted, so the answer says how many are bad.
                continue;
            }
            batch.add(new Numbered<>(row.number(), record));
            if (batch.size() == batchSize) {
                created += flush(importer, batch, keys, connection, errors);
                total += batch.size();
                batch.clear();
            }
        }
        created += flush(importer, batch, keys, connection, errors);
        total += batch.size();
        if (errors.any()) {
            throw new ImportRejectedException(importer.spec().what(), errors.total(), errors.list());
        }
        importer.finish(connection);
        return new ImportResult(created, total - created);
    }

    /**
     * Every batch looks up its keys in tables this very transaction is filling. PostgreSQL switches a
     * statement to a cached generic plan after five runs, planned while the tables were still
     * small: a sequential scan, kept for the rest of the import, that made each batch read every row
     * written so far (100,000 customers: 140 s instead of seconds). Planning each batch with its
     * values and the tables' current size keeps the cost per batch flat.
     */
    private static void planEachBatchAfresh(Connection connection) throws SQLException {
        if (BulkCopy.supported(connection)) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
        }
    }

    private static <R> int flush(RowImporter<R> importer, List<Numbered<R>> batch, FirstRows keys,
            Connection connection, ImportErrors errors) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<R> unique = withoutDuplicates(importer, batch, keys, connection, errors);
        if (unique.isEmpty()) {
            return 0;
        }
        List<R> resolved = importer.resolve(unique, connection, errors);
        return errors.any() ? 0 : importer.write(resolved, connection);
    }

    /** The batch's rows whose key no earlier row of the file had; the others are errors naming that row. */
    private static <R> List<R> withoutDuplicates(RowImporter<R> importer, List<Numbered<R>> batch, FirstRows keys,
            Connection connection, ImportErrors errors) throws SQLException {
        Map<Integer, FirstRows.First> earlier = keys.earlier(connection,
                batch.stream().map(n -> new FirstRows.Entry(n.row(), importer.key(n.record()), null)).toList());
        List<R> unique = new ArrayList<>(batch.size());
        for (Numbered<R> n : batch) {
            FirstRows.First first = earlier.get(n.row());
            if (first == null) {
                unique.add(n.record());
            } else {
                errors.add(n.row(), importer.spec().keyColumn(), "duplicate key " + importer.key(n.record())
                        + ": row " + first.row() + " of this file has it already");
            }
        }
        return unique;
    }

    private record Numbered<R>(int row, R record) {
    }

    /** Checks a CSV header: unknown columns are likely typos, a missing required column fails every row. */
    private static boolean checkHeader(RowImporter<?> importer, List<String> header, ImportErrors errors) {
        for (String column : header) {
            if (!importer.spec().columns().contains(column)) {
                errors.add(0, column, unknownColumn(importer));
            }
        }
        for (String required : importer.spec().requiredColumns()) {
            if (!header.contains(required)) {
                errors.add(0, required, "required column is missing");
            }
        }
        return !errors.any();
    }

    private static String unknownColumn(RowImporter<?> importer) {
        return "unknown column; the known columns are " + String.join(", ", importer.spec().columns());
    }
}
