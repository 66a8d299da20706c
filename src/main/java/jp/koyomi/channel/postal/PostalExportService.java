package jp.koyomi.channel.postal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jp.koyomi.common.ConflictException;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.delivery.DeliveryStatus;
import jp.koyomi.delivery.MessageCodec;
import jp.koyomi.delivery.Offer;
import jp.koyomi.delivery.SendGate;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/**
 * Turns a run's pending POSTAL deliveries into one CSV file, streamed in postal-code order with
 * constant memory, and marks them SENT (or FAILED when held back) in the same transaction. Each
 * row passes the same {@link SendGate} as email and LINE: a customer who withdrew postal consent,
 * a letter past its expiry or one whose offer sold out is reported and marked, never printed.
 * Exports of one run are serialised by a lock on the run; each writes a new file named by its id.
 */
@ApplicationScoped
public class PostalExportService {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FETCH = 1000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** The suffix of a file still being written. */
    static final String PART = ".part";
    private static final Logger LOG = Logger.getLogger(PostalExportService.class);
    /** "Row is locked": PostgreSQL's lock_not_available, H2's lock timeout. */
    private static final Set<String> LOCKED = Set.of("55P03", "HYT00");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChannelsConfig channels;

    @Inject
    Clock clock;

    @Inject
    SendGate gate;

    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 3600)
    public PostalExport export(long runId, boolean utf8WithBom, String user) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Path dir = Path.of(channels.outboxDirectory(), "postal");
        Path file = null;
        try (Connection c = dataSource.getConnection()) {
            lockCompletedRun(c, runId);
            long exportId = start(c, runId, user, now);
            // The export id makes the name unique in this database; the time keeps it unique should the
            // database be replaced while the folder stays.
            Path name = dir.resolve("run-" + runId + "-export-" + exportId + "-" + FILE_TIME.format(now) + ".csv");
            Files.createDirectories(dir);
            removeUnfinished(dir, runId);
            // Written under a temporary name and moved to its own once complete: a printer picking files up
            // from the folder never takes a half-written one (an export killed mid-way leaves only a .part).
            Path part = dir.resolve(name.getFileName() + PART);
            Map<String, Integer> stock = stock(c);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<PostalCsvWriter.HeldBack> held = new ArrayList<>();
            int written;
            // CREATE_NEW: an export never overwrites another's file (and a failure deletes only its own).
            OutputStream created = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            file = part;
            try (OutputStream out = new DigestOutputStream(created, sha)) {
                PostalCsvWriter writer = null;
                List<Long> sent = new ArrayList<>(FETCH);
                try (PreparedStatement s = c.prepareStatement("SELECT d.id, cu.external_id, cu.postal_code, p.name_ja, "
                        + "cu.city, cu.address1, cu.address2, cu.family_name, cu.given_name, d.content, "
                        + "cu.postal_consent, d.expires_at, d.offered_skus, d.offer_min_stock, d.last_error "
                        + "FROM delivery d JOIN customer cu ON cu.id = d.customer_id "
                        + "LEFT JOIN prefecture p ON p.code = cu.prefecture_code "
                        + "WHERE d.run_id = ? AND d.channel = 'POSTAL' AND d.status = 'PENDING' "
                        + "ORDER BY cu.postal_code, d.id")) {
                    s.setFetchSize(FETCH);
                    s.setLong(1, runId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            OffsetDateTime expires = rs.getObject(12, OffsetDateTime.class);
                            SendGate.Verdict verdict = gate.check(new SendGate.Candidate(Channel.POSTAL,
                                    rs.getBoolean(11), rs.getString(3), expires == null ? null : expires.toInstant(),
                                    Offer.decode(rs.getString(13), rs.getInt(14)), rs.getString(15)), now.toInstant(),
                                    stock);
                            if (verdict instanceof SendGate.Withhold withhold) {
                                held.add(withheld(c, id, rs.getString(2), withhold));
                                continue;
                            }
                            var fields = ((RenderedMessage.Postal) MessageCodec.decode(Channel.POSTAL, rs.getString(10)))
                                    .fields();
                            if (writer == null) {
                                writer = new PostalCsvWriter(out, utf8WithBom, new ArrayList<>(fields.keySet()));
                            }
                            int heldBefore = writer.heldBack().size();
                            writer.write(new PostalRecipient(id, rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null,
                                    rs.getString(8), rs.getString(9), fields));
                            if (writer.heldBack().size() == heldBefore) {
                                sent.add(id);
                            }
                            if (sent.size() == FETCH) {
                                markSent(c, sent, exportId, now);
                            }
                        }
                    }
                }
                if (writer == null) {
                    writer = new PostalCsvWriter(out, utf8WithBom, List.of());
                }
                markSent(c, sent, exportId, now);
                writer.close();
                markHeldBack(c, writer.heldBack());
                held.addAll(writer.heldBack());
                written = writer.written();
            }
            Files.move(part, name, StandardCopyOption.ATOMIC_MOVE);
            file = name;
            return finish(c, exportId, runId, file, utf8WithBom ? "UTF-8 (BOM)" : "windows-31j", written, held,
                    HexFormat.of().formatHex(sha.digest()), user, now);
        } catch (SQLException | IOException | NoSuchAlgorithmException e) {
            deleteQuietly(file);
            throw new IllegalStateException("Postal export of run " + runId + " failed", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    public PostalExport get(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, run_id, "
                + "file_name, encoding, row_count, held_back_count, held_back, sha256, created_by, created_at "
                + "FROM postal_export WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("postal export", id);
                }
                List<PostalCsvWriter.HeldBack> held = JSON.readValue(rs.getString(7),
                        JSON.getTypeFactory().constructCollectionType(List.class, PostalCsvWriter.HeldBack.class));
                return new PostalExport(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), held, rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read postal export " + id, e);
        }
    }

    /** The file of an export, for download. */
    public Path file(long id) {
        return Path.of(channels.outboxDirectory(), "postal", get(id).fileName());
    }

    /**
     * Locks the run's row for this export's transaction, so exports of one run never overlap: a
     * second one while the first is still writing is refused at once (NOWAIT) instead of both
     * reading the same pending rows.
     */
    private static void lockCompletedRun(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM campaign_run WHERE id = ? FOR UPDATE NOWAIT")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("run", runId);
                }
                if (!rs.getString(1).equals("COMPLETED")) {
                    throw new ConflictException("run " + runId + " is " + rs.getString(1)
                            + "; export its postal DM once it has COMPLETED");
                }
            }
        } catch (SQLException e) {
            if (LOCKED.contains(e.getSQLState())) {
                throw new ConflictException("another postal export of run " + runId + " is under way; "
                        + "export again when it has finished to get what it left");
            }
            throw e;
        }
    }

    /**
     * Deletes the half-written files ({@code .part}) exports of this run left when killed before they
     * were recorded. Safe under the run's lock: no other export of this run is writing. Complete files
     * are never deleted, recorded or not: the folder may outlive its database (see the file name).
     */
    private static void removeUnfinished(Path dir, long runId) throws IOException {
        List<Path> stray;
        try (var files = Files.list(dir)) {
            stray = files.filter(f -> f.getFileName().toString().startsWith("run-" + runId + "-export-")
                    && f.getFileName().toString().endsWith(PART)).toList();
        }
        for (Path f : stray) {
            Files.deleteIfExists(f);
        }
        if (!stray.isEmpty()) {
            LOG.infof("Postal export of run %d: removed %d half-written file(s) an earlier export left (it was "
                    + "stopped before it was recorded): %s", runId, stray.size(), stray.stream().map(f -> f.getFileName()
                    .toString()).toList());
        }
    }

    /** Current stock per SKU, for the offer check: the whole catalog's variants, read once per export. */
    private static Map<String, Integer> stock(Connection c) throws SQLException {
        Map<String, Integer> stock = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT sku, stock FROM product_variant");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                stock.put(rs.getString(1), rs.getInt(2));
            }
        }
        return stock;
    }

    /** Marks a row the gate withheld (consent withdrawn, expired, sold out) and reports it. */
    private static PostalCsvWriter.HeldBack withheld(Connection c, long deliveryId, String externalId,
            SendGate.Withhold withhold) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE delivery SET status = ?, last_error = ? WHERE id = ? AND status = 'PENDING'")) {
            s.setString(1, withhold.status().name());
            s.setString(2, withhold.reason());
            s.setLong(3, deliveryId);
            s.executeUpdate();
        }
        return new PostalCsvWriter.HeldBack(deliveryId, externalId, field(withhold.status()), null,
                withhold.status() + ": " + withhold.reason());
    }

    private static String field(DeliveryStatus status) {
        return switch (status) {
            case SKIPPED -> "postal_consent";
            case EXPIRED -> "expires_at";
            case SOLD_OUT_BEFORE_SEND -> "offered_skus";
            default -> "address";
        };
    }

    private static void markSent(Connection c, List<Long> ids, long exportId, OffsetDateTime now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET status = 'SENT', sent_at = ?, provider_id = ? "
                + "WHERE id = ? AND status = 'PENDING'")) {
            for (long id : ids) {
                s.setObject(1, now);
                s.setString(2, "postal-export-" + exportId);
                s.setLong(3, id);
                s.addBatch();
            }
            s.executeBatch();
        }
        ids.clear();
    }

    private static void markHeldBack(Connection c, List<PostalCsvWriter.HeldBack> held) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE delivery SET status = 'FAILED', last_error = ? WHERE id = ?")) {
            for (PostalCsvWriter.HeldBack h : held) {
                s.setString(1, "held back from the postal export: " + h.reason());
                s.setLong(2, h.deliveryId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Creates the export's record first, for its id; {@link #finish} fills it in the same transaction. */
    private static long start(Connection c, long runId, String user, OffsetDateTime now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO postal_export (run_id, file_name, encoding, row_count, "
                + "held_back_count, held_back, sha256, created_by, created_at) VALUES (?, '', '', 0, 0, '[]', '', ?, ?)",
                new String[] { "id" })) {
            s.setLong(1, runId);
            s.setString(2, user);
            s.setObject(3, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private PostalExport finish(Connection c, long exportId, long runId, Path file, String encoding, int written,
            List<PostalCsvWriter.HeldBack> held, String sha256, String user, OffsetDateTime now) throws SQLException,
            JsonProcessingException {
        try (PreparedStatement s = c.prepareStatement("UPDATE postal_export SET file_name = ?, encoding = ?, "
                + "row_count = ?, held_back_count = ?, held_back = ?, sha256 = ? WHERE id = ?")) {
            s.setString(1, file.getFileName().toString());
            s.setString(2, encoding);
            s.setInt(3, written);
            s.setInt(4, held.size());
            s.setString(5, JSON.writeValueAsString(held));
            s.setString(6, sha256);
            s.setLong(7, exportId);
            s.executeUpdate();
        }
        return new PostalExport(exportId, runId, file.getFileName().toString(), encoding, written, held.size(), held,
                sha256, user, now);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the export failed already; a stray partial file is the lesser problem
        }
    }
}
