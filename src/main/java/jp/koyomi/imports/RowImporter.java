package jp.koyomi.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * One kind of import row. The {@link ImportService} drives it: {@link #parse} every row,
 * {@link #resolve} each batch against the database (unknown references are errors too) and,
 * while the import is still clean, {@link #write} it.
 *
 * @param <R> a validated row
 */
public interface RowImporter<R> {

    /**
     * What the rows are and which columns they have.
     *
     * @param what      for messages ("customer")
     * @param keyColumn the column named in a duplicate-key error
     */
    record Spec(String what, Set<String> columns, Set<String> requiredColumns, String keyColumn) {
    }

    Spec spec();

    /** The validated row, or null after adding its errors. */
    R parse(Row row, ImportErrors errors);

    /** The row's key: two rows with the same key in one file are an error. */
    String key(R record);

    /** Looks up what the batch refers to; adds errors for what does not exist. Returns the rows to write. */
    List<R> resolve(List<R> batch, Connection connection, ImportErrors errors) throws SQLException;

    /** Upserts the batch; returns how many rows were created (the rest were updated). */
    int write(List<R> batch, Connection connection) throws SQLException;

    /** Rows per batch on PostgreSQL's COPY path (H2's batched statements take {@link ImportService#BATCH_SIZE}). */
    default int copyBatchSize() {
        return ImportService.COPY_BATCH_SIZE;
    }

    /** After the last batch of a clean import, in its transaction: what is derived from all the rows at once. */
    default void finish(Connection connection) throws SQLException {
    }
}
