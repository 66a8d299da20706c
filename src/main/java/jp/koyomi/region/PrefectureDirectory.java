package jp.koyomi.region;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.domain.ClimateZone;

/**
 * The prefecture table, read once: the migration is the single source of the data, this is its
 * in-memory index for the hot paths (import validation, relevance profiles).
 */
@ApplicationScoped
public class PrefectureDirectory {

    private final AgroalDataSource dataSource;
    private volatile Index index;

    private record Index(Prefecture[] byCode, Map<String, Prefecture> byName) {
    }

    @Inject
    public PrefectureDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Prefecture> all() {
        return Arrays.stream(index().byCode).filter(Objects::nonNull).toList();
    }

    public Optional<Prefecture> byCode(int code) {
        return code >= 1 && code <= 47 ? Optional.ofNullable(index().byCode[code]) : Optional.empty();
    }

    /** Finds a prefecture by code ("13", "01") or Japanese name, with or without its suffix ("東京都", "東京"). */
    public Optional<Prefecture> find(String codeOrName) {
        String value = codeOrName.strip();
        if (!value.isEmpty() && value.length() <= 2 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return byCode(Integer.parseInt(value));
        }
        return Optional.ofNullable(index().byName.get(value));
    }

    private Index index() {
        Index loaded = index;
        if (loaded == null) {
            loaded = load();
            index = loaded;
        }
        return loaded;
    }

    private Index load() {
        Prefecture[] codes = new Prefecture[48];
        Map<String, Prefecture> names = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code, name_ja, name_romaji, region, climate_zone FROM prefecture")) {
            while (rs.next()) {
                Prefecture p = new Prefecture(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ClimateZone.valueOf(rs.getString(5)));
                codes[p.code()] = p;
                names.put(p.nameJa(), p);
                names.put(p.shortName(), p);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the prefecture table", e);
        }
        return new Index(codes, Map.copyOf(names));
    }
}
