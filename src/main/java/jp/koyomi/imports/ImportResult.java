package jp.koyomi.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a successful import did: rows that created a record and rows that updated one.
 *
 * @param keptRefused customer imports only: rows that asked to grant a consent the customer had
 *                    withdrawn themselves, which stayed withdrawn (absent for other imports)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportResult", requiredProperties = { "created", "updated" })
public record ImportResult(int created, int updated, Integer keptRefused) {

    public ImportResult(int created, int updated) {
        this(created, updated, null);
    }

    public ImportResult withKeptRefused(int rows) {
        return new ImportResult(created, updated, rows);
    }
}
