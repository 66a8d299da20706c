package jp.koyomi.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a successful import did: rows that created a record and rows that updated one. */
@Schema(name = "ImportResult", requiredProperties = { "created", "updated" })
public record ImportResult(int created, int updated) {
}
