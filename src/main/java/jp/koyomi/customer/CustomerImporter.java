package jp.koyomi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jp.koyomi.domain.Channel;
import jp.koyomi.imports.BulkCopy;
import jp.koyomi.imports.Cells;
import jp.koyomi.imports.ImportErrors;
import jp.koyomi.imports.Row;
import jp.koyomi.imports.RowImporter;
import jp.koyomi.imports.Sql;
import jp.koyomi.region.PrefectureDirectory;

/**
 * Customer rows of API.md, keyed by {@code external_id}. A column absent from the file leaves the
 * stored value as it is; an empty cell clears it (an empty consent withdraws it). Every consent
 * that changes is recorded with source {@code import}; a consent the customer withdrew themselves
 * is never granted again by an import ({@link ConsentService#refusalStands}), and such rows are
 * counted. One instance per import.
 */
public class CustomerImporter implements RowImporter<CustomerImporter.Parsed> {

    private static final Pattern POSTAL_CODE = Pattern.compile("(\\d{3})-?(\\d{4})");
    private static final Pattern LINE_USER_ID = Pattern.compile("U[0-9A-Za-z]{1,63}");
    private static final Set<String> COLUMNS = new LinkedHashSet<>(List.of("external_id", "family_name", "given_name",
            "family_name_kana", "given_name_kana", "email", "line_user_id", "postal_code", "prefecture", "city",
            "address1", "address2", "birthday", "email_consent", "line_consent", "postal_consent", "preferred_channel",
            "topics", "points", "points_expire_on"));
    private static final Spec SPEC = new Spec("customer", COLUMNS, Set.of("external_id", "family_name"), "external_id");
    /** The stored columns an import sets, in statement order. */
    private static final List<String> STORED = List.of("family_name", "given_name", "family_name_kana",
            "given_name_kana", "email", "line_user_id", "postal_code", "prefecture_code", "city", "address1", "address2",
            "birthday", "points", "points_expire_on", "topics", "email_consent", "line_consent", "postal_consent",
            "preferred_channel");

    /** Every column a write sets, in the order of a written row: stored, consent audit, then bookkeeping. */
    private static final List<String> WRITTEN = written();

    private final PrefectureDirectory prefectures;
    private final Clock clock;
    private int keptRefused;

    public CustomerImporter(PrefectureDirectory prefectures, Clock clock) {
        this.prefectures = prefectures;
        this.clock = clock;
    }

    /** A validated row: the external id and the stored columns the file gave, by column name. */
    public record Parsed(String externalId, Map<String, Object> values) {
    }

    /** Rows written so far that asked to grant a consent the customer had withdrawn, which stayed withdrawn. */
    public int keptRefused() {
        return keptRefused;
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    /**
     * A customer row is wide and carries a map of its cells, plus the stored row when it updates
     * one: 10,000 of them outlived the young collections and G1 marked the old generation over
     * and over (100,000 rows updated: 4.6–5.4 s of JVM CPU at 10,000 a batch, 2.3–3.4 s at 2,000;
     * created: 3.3–3.5 s against 2.3–2.9 s; the database's time the same).
     */
    @Override
    public int copyBatchSize() {
        return 2_000;
    }

    @Override
    public String key(Parsed record) {
        return record.externalId();
    }

    @Override
    public Parsed parse(Row row, ImportErrors errors) {
        int before = errors.total();
        Cells cells = new Cells(row, errors);
        String externalId = cells.required("external_id", 64);
        Map<String, Object> values = new HashMap<>();
        String familyName = cells.required("family_name", 100);
        values.put("family_name", familyName);
        for (String name : List.of("given_name", "family_name_kana", "given_name_kana", "city", "address1", "address2")) {
            putIfPresent(cells, values, name, cells.text(name, name.startsWith("address") || name.equals("city") ? 200 : 100));
        }
        putIfPresent(cells, values, "email", cells.email("email"));
        putIfPresent(cells, values, "line_user_id", lineUserId(cells));
        putIfPresent(cells, values, "postal_code", postalCode(cells));
        if (cells.has("prefecture")) {
            values.put("prefecture_code", prefectureCode(cells));
        }
        putIfPresent(cells, values, "birthday", birthday(cells));
        for (Channel channel : Channel.values()) {
            String column = consentColumn(channel);
            if (cells.has(column)) {
                Boolean consent = cells.bool(column);
                values.put(column, consent != null && consent);
            }
        }
        if (cells.has("preferred_channel")) {
            Channel preferred = cells.enumValue("preferred_channel", Channel.class);
            values.put("preferred_channel", preferred == null ? null : preferred.name());
        }
        putIfPresent(cells, values, "topics", topics(cells));
        if (cells.has("points")) {
            Integer points = cells.integer("points", 0);
            values.put("points", points == null ? 0 : points);
        }
        putIfPresent(cells, values, "points_expire_on", cells.date("points_expire_on"));
        return errors.total() > before ? null : new Parsed(externalId, values);
    }

    private static void putIfPresent(Cells cells, Map<String, Object> values, String column, Object value) {
        if (cells.has(column)) {
            values.put(column, value);
        }
    }

    private static String lineUserId(Cells cells) {
        String v = cells.text("line_user_id", 64);
        if (v != null && !LINE_USER_ID.matcher(v).matches()) {
            cells.error("line_user_id", "'" + v + "' is not a LINE user id (U followed by letters and digits)");
            return null;
        }
        return v;
    }

    private static String postalCode(Cells cells) {
        String v = cells.normalized("postal_code", 16);
        if (v == null) {
            return null;
        }
        var m = POSTAL_CODE.matcher(v);
        if (!m.matches()) {
            cells.error("postal_code", "'" + v + "' is not a postal code: NNN-NNNN or 7 digits");
            return null;
        }
        return m.group(1) + m.group(2);
    }

    private Integer prefectureCode(Cells cells) {
        String v = cells.normalized("prefecture", 16);
        if (v == null) {
            return null;
        }
        var prefecture = prefectures.find(v);
        if (prefecture.isEmpty()) {
            cells.error("prefecture", "'" + v + "' is neither a JIS X 0401 code 01-47 nor a prefecture name");
            return null;
        }
        return prefecture.get().code();
    }

    private LocalDate birthday(Cells cells) {
        LocalDate birthday = cells.date("birthday");
        if (birthday != null && birthday.isAfter(LocalDate.now(clock))) {
            cells.error("birthday", birthday + " is in the future");
            return null;
        }
        return birthday;
    }

    private static String topics(Cells cells) {
        String v = cells.text("topics", 1000);
        if (v == null) {
            return null;
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : v.split(";")) {
            if (!topic.isBlank()) {
                topics.add(topic.strip());
            }
        }
        return topics.isEmpty() ? null : String.join(";", topics);
    }

    static String consentColumn(Channel channel) {
        return channel.name().toLowerCase() + "_consent";
    }

    @Override
    public List<Parsed> resolve(List<Parsed> batch, Connection connection, ImportErrors errors) {
        return batch;
    }

    @Override
    public int write(List<Parsed> batch, Connection connection) throws SQLException {
        Map<String, Map<String, Object>> existing = existing(batch, connection);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<ConsentChange> changes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Parsed row : batch) {
            Map<String, Object> stored = existing.get(row.externalId());
            Map<String, Object> merged = new HashMap<>(stored == null ? defaults() : stored);
            merged.putAll(row.values());
            if (keepRefusals(stored, merged)) {
                keptRefused++;
            }
            Object[] values = new Object[WRITTEN.size()];
            int i = 0;
            for (String column : STORED) {
                values[i++] = merged.get(column);
            }
            for (Channel channel : Channel.values()) {
                String column = consentColumn(channel);
                boolean before = stored != null && Boolean.TRUE.equals(stored.get(column));
                boolean after = Boolean.TRUE.equals(merged.get(column));
                boolean changed = before != after;
                if (changed) {
                    changes.add(new ConsentChange(row.externalId(), channel, after));
                }
                values[i++] = changed ? now : stored == null ? null : stored.get(column + "_at");
                values[i++] = changed ? ConsentService.IMPORT_SOURCE : stored == null ? null : stored.get(column + "_source");
            }
            values[i++] = now;
            values[i++] = row.externalId();
            values[i] = stored == null ? now : stored.get("created_at");
            rows.add(values);
        }
        Map<String, Long> ids;
        if (BulkCopy.supported(connection)) {
            ids = upsertByCopy(rows, connection);
        } else {
            upsertByStatements(rows, existing, connection);
            ids = changes.isEmpty() ? Map.of() : Sql.ids(connection, "customer", "external_id",
                    changes.stream().map(ConsentChange::externalId).distinct().toList());
        }
        recordConsentChanges(changes, ids, now, connection);
        return (int) batch.stream().filter(row -> !existing.containsKey(row.externalId())).count();
    }

    /**
     * PostgreSQL: the batch is copied into a staging table and merged by one statement, which
     * returns the customers' ids for their consent events (a look-up by external id before).
     */
    private static Map<String, Long> upsertByCopy(List<Object[]> rows, Connection connection) throws SQLException {
        BulkCopy.stage(connection, "customer_import", "customer", WRITTEN);
        BulkCopy.copy(connection, "customer_import", WRITTEN, rows);
        StringBuilder sets = new StringBuilder();
        for (String column : WRITTEN) {
            if (!column.equals("external_id") && !column.equals("created_at")) {
                sets.append(sets.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        try (Statement merge = connection.createStatement();
                ResultSet rs = merge.executeQuery("INSERT INTO customer (" + String.join(", ", WRITTEN) + ") SELECT "
                        + String.join(", ", WRITTEN) + " FROM customer_import ON CONFLICT (external_id) DO UPDATE SET "
                        + sets + " RETURNING external_id, id")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /** H2: one batch of inserts for the new customers and one of updates for the known ones. */
    private static void upsertByStatements(List<Object[]> rows, Map<String, Map<String, Object>> existing,
            Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertSql());
                PreparedStatement update = connection.prepareStatement(updateSql())) {
            for (Object[] values : rows) {
                boolean known = existing.containsKey((String) values[WRITTEN.indexOf("external_id")]);
                PreparedStatement statement = known ? update : insert;
                // The update sets every written column but created_at, the last one.
                for (int i = 0; i < (known ? values.length - 1 : values.length); i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    /** Puts back the customer's own withdrawals that the row would overturn; true if there was one. */
    private static boolean keepRefusals(Map<String, Object> stored, Map<String, Object> merged) {
        if (stored == null) {
            return false;
        }
        boolean kept = false;
        for (Channel channel : Channel.values()) {
            String column = consentColumn(channel);
            if (Boolean.TRUE.equals(merged.get(column)) && ConsentService.refusalStands(
                    Boolean.TRUE.equals(stored.get(column)), (String) stored.get(column + "_source"))) {
                merged.put(column, false);
                kept = true;
            }
        }
        return kept;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> values = new HashMap<>();
        values.put("points", 0);
        for (Channel channel : Channel.values()) {
            values.put(consentColumn(channel), false);
        }
        return values;
    }

    private static Map<String, Map<String, Object>> existing(List<Parsed> batch, Connection connection)
            throws SQLException {
        Map<String, Map<String, Object>> found = new HashMap<>();
        List<String> keys = batch.stream().map(Parsed::externalId).toList();
        try (PreparedStatement select = Sql.whereIn(connection, "SELECT * FROM customer WHERE ", "external_id", keys)) {
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(), rs.getObject(c));
                    }
                    found.put(rs.getString("external_id"), row);
                }
            }
        }
        return found;
    }

    private static List<String> written() {
        List<String> columns = new ArrayList<>(STORED);
        for (Channel channel : Channel.values()) {
            columns.add(consentColumn(channel) + "_at");
            columns.add(consentColumn(channel) + "_source");
        }
        columns.addAll(List.of("updated_at", "external_id", "created_at"));
        return List.copyOf(columns);
    }

    private static String insertSql() {
        return "INSERT INTO customer (" + String.join(", ", WRITTEN) + ") VALUES (" + Sql.placeholders(WRITTEN.size())
                + ")";
    }

    private static String updateSql() {
        StringBuilder sets = new StringBuilder();
        for (String column : WRITTEN.subList(0, WRITTEN.indexOf("external_id"))) {
            sets.append(sets.isEmpty() ? "" : ", ").append(column).append(" = ?");
        }
        return "UPDATE customer SET " + sets + " WHERE external_id = ?";
    }

    private record ConsentChange(String externalId, Channel channel, boolean granted) {
    }

    private static void recordConsentChanges(List<ConsentChange> changes, Map<String, Long> ids, OffsetDateTime now,
            Connection connection) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<String> columns = List.of("customer_id", "channel", "granted", "changed_at", "source");
        List<Object[]> events = changes.stream().map(change -> new Object[] { ids.get(change.externalId()),
                change.channel().name(), change.granted(), now, ConsentService.IMPORT_SOURCE }).toList();
        if (BulkCopy.supported(connection)) {
            BulkCopy.copy(connection, "consent_event", columns, events);
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_event ("
                + String.join(", ", columns) + ") VALUES (" + Sql.placeholders(columns.size()) + ")")) {
            for (Object[] event : events) {
                for (int i = 0; i < event.length; i++) {
                    insert.setObject(i + 1, event[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
