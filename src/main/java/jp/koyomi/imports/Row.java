package jp.koyomi.imports;

import java.util.Map;

/**
 * One data row of an import: its number (1 = first data row) and its cells by column name.
 * A column absent from the file is absent from {@code cells}; an empty cell is "".
 */
public record Row(int number, Map<String, String> cells) {

    public boolean has(String column) {
        return cells.containsKey(column);
    }

    /** The trimmed cell, or null when the column is absent or the cell empty. */
    public String value(String column) {
        String v = cells.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
