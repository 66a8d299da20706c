package jp.koyomi.imports;

/** What a successful import did: rows that created a record and rows that updated one. */
public record ImportResult(int created, int updated) {
}
