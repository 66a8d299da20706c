/**
 * The import contract of API.md: CSV or JSON rows streamed in, validated row by row, written in
 * JDBC batches inside one transaction, all or nothing. Each kind of row (customer, product,
 * order) is one {@link jp.koyomi.imports.RowImporter}.
 */
package jp.koyomi.imports;
