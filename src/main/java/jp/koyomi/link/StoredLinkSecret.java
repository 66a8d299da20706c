package jp.koyomi.link;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The link key kept in the database ({@code link_secret}), made once by whichever instance needs
 * it first. Outside any transaction, so a rollback elsewhere can never take back a key that links
 * were already signed with.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class StoredLinkSecret {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    public Optional<String> find() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT secret FROM link_secret WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stored link secret", e);
        }
    }

    /** The stored key, generating and storing one if there is none yet. */
    public String findOrCreate() {
        Optional<String> stored = find();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO link_secret (id, secret, created_at) VALUES (1, ?, ?)")) {
            s.setString(1, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
            s.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            // Another instance starting at the same moment stored its key first: everyone uses that one.
            return find().orElseThrow(() -> new IllegalStateException("Cannot store a link secret", e));
        }
        return find().orElseThrow();
    }
}
