package jp.koyomi.channel.postal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jp.koyomi.common.ConflictException;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.delivery.MessageCodec;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/**
 * Turns a run's pending POSTAL deliveries into one CSV file, streamed in postal-code order with
 * constant memory, and marks them SENT (or FAILED when held back) in the same transaction.
 */
@ApplicationScoped
public class PostalExportService {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FETCH = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChannelsConfig channels;

    @Inject
    Clock clock;

    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 3600)
    public PostalExport export(long runId, boolean utf8WithBom, String user) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Path dir = Path.of(channels.outboxDirectory(), "postal");
        Path file = dir.resolve("run-" + runId + "-" + now.toEpochSecond() + ".csv");
        try (Connection c = dataSource.getConnection()) {
            requireRun(c, runId);
            Files.createDirectories(dir);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<PostalCsvWriter.HeldBack> held;
            int written;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                PostalCsvWriter writer = null;
                List<Long> sent = new ArrayList<>(FETCH);
                try (PreparedStatement s = c.prepareStatement("SELECT d.id, cu.external_id, cu.postal_code, p.name_ja, "
                        + "cu.city, cu.address1, cu.address2, cu.family_name, cu.given_name, d.content FROM delivery d "
                        + "JOIN customer cu ON cu.id = d.customer_id LEFT JOIN prefecture p ON p.code = cu.prefecture_code "
                        + "WHERE d.run_id = ? AND d.channel = 'POSTAL' AND d.status = 'PENDING' "
                        + "ORDER BY cu.postal_code, d.id")) {
                    s.setFetchSize(FETCH);
                    s.setLong(1, runId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            var fields = ((RenderedMessage.Postal) MessageCodec.decode(Channel.POSTAL, rs.getString(10)))
                                    .fields();
                            if (writer == null) {
                                writer = new PostalCsvWriter(out, utf8WithBom, new ArrayList<>(fields.keySet()));
                            }
                            int heldBefore = writer.heldBack().size();
                            writer.write(new PostalRecipient(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null,
                                    rs.getString(8), rs.getString(9), fields));
                            if (writer.heldBack().size() == heldBefore) {
                                sent.add(rs.getLong(1));
                            }
                            if (sent.size() == FETCH) {
                                markSent(c, sent, now);
                            }
                        }
                    }
                }
                if (writer == null) {
                    writer = new PostalCsvWriter(out, utf8WithBom, List.of());
                }
                markSent(c, sent, now);
                writer.close();
                held = writer.heldBack();
                written = writer.written();
            }
            markHeldBack(c, held);
            return record(c, runId, file, utf8WithBom ? "UTF-8 (BOM)" : "windows-31j", written, held,
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

    private static void requireRun(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM campaign_run WHERE id = ?")) {
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
        }
    }

    private static void markSent(Connection c, List<Long> ids, OffsetDateTime now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE delivery SET status = 'SENT', sent_at = ?, provider_id = 'postal-export' WHERE id = ?")) {
            for (long id : ids) {
                s.setObject(1, now);
                s.setLong(2, id);
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

    private PostalExport record(Connection c, long runId, Path file, String encoding, int written,
            List<PostalCsvWriter.HeldBack> held, String sha256, String user, OffsetDateTime now) throws SQLException,
            JsonProcessingException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO postal_export (run_id, file_name, encoding, row_count, "
                + "held_back_count, held_back, sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] { "id" })) {
            s.setLong(1, runId);
            s.setString(2, file.getFileName().toString());
            s.setString(3, encoding);
            s.setInt(4, written);
            s.setInt(5, held.size());
            s.setString(6, JSON.writeValueAsString(held));
            s.setString(7, sha256);
            s.setString(8, user);
            s.setObject(9, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new PostalExport(keys.getLong(1), runId, file.getFileName().toString(), encoding, written,
                        held.size(), held, sha256, user, now);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the export failed already; a stray partial file is the lesser problem
        }
    }
}
