package jp.koyomi.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.koyomi.common.FieldError;
import jp.koyomi.common.InvalidInputException;

/**
 * The settings in force: each from the environment or configuration when set there, else as an
 * admin saved it, else its default. Senders and runs read {@link #current()}, which re-reads the
 * database at most every {@code koyomi.settings.refresh}, so a change saved on any instance takes
 * effect on every instance within that time, without a restart (at once on the instance that saved it).
 */
@ApplicationScoped
public class SettingsService {

    private static final Logger LOG = Logger.getLogger(SettingsService.class);

    /**
     * Config sources below this ordinal only hold defaults (SmallRye's DefaultValuesConfigSource sits
     * at Integer.MIN_VALUE); every source where someone sets a value — application.properties (250),
     * environment variables (300), system properties (400), values recorded at build (0) — ranks at or above it.
     */
    static final int LOWEST_SET_ORDINAL = 0;

    @Inject
    Config config;

    @Inject
    SettingsStore store;

    @Inject
    SettingsConfig settingsConfig;

    @Inject
    Clock clock;

    /** One reading of config and database, and when it was made. */
    private record Loaded(EffectiveSettings effective, Map<Setting, Object> values, Map<Setting, SettingsView.Source> sources,
            SettingsStore.Stored stored, long atNanos) {

        Loaded renewed() {
            return new Loaded(effective, values, sources, stored, System.nanoTime());
        }
    }

    private volatile Loaded loaded;

    /** The settings in force; cheap enough to call for every message. */
    public EffectiveSettings current() {
        Loaded seen = loaded;
        if (seen == null || System.nanoTime() - seen.atNanos() > settingsConfig.refresh().toNanos()) {
            seen = refresh(seen);
        }
        return seen.effective();
    }

    /** The settings in force, read afresh, with where each comes from. */
    public SettingsView view() {
        return view(refresh(loaded, true));
    }

    /**
     * Stores these settings in place of the saved ones; they apply at once on this instance.
     *
     * @throws InvalidInputException naming each field that is not acceptable or is fixed by the environment
     */
    public SettingsView replace(SettingsValues values, String by) {
        Map<Setting, String> given = texts(values);
        Loaded now = refresh(loaded, true);
        Map<Setting, String> toStore = new EnumMap<>(Setting.class);
        Map<Setting, Object> merged = new EnumMap<>(Setting.class);
        List<FieldError> errors = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String text = given.get(s);
            if (now.sources().get(s).fixed()) {
                merged.put(s, now.values().get(s));
                if (text != null && !text.equals(Setting.format(now.values().get(s)))) {
                    errors.add(FieldError.ofField(s.field(), "set by the environment (" + s.environmentVariable() + " or "
                            + s.property() + "), which wins: change it there"));
                }
                continue;
            }
            if (text == null) {
                merged.put(s, configured(s));
                continue;
            }
            try {
                Object value = s.parse(text);
                merged.put(s, value);
                toStore.put(s, Setting.format(value));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.ofField(s.field(), e.getMessage()));
            }
        }
        if (errors.isEmpty() && !((LocalTime) merged.get(Setting.QUIET_OPENS)).isBefore((LocalTime) merged.get(Setting.QUIET_CLOSES))) {
            errors.add(FieldError.ofField(Setting.QUIET_CLOSES.field(), "must be later than quiet_hours.opens ("
                    + Setting.format(merged.get(Setting.QUIET_OPENS)) + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The settings were not saved: " + errors.size() + " field(s) not acceptable", errors);
        }
        QuarkusTransaction.requiringNew().run(() -> store.replace(toStore, by, clock.instant()));
        LOG.infof("Settings saved by %s: %s", by, toStore.keySet().stream().map(Setting::field).toList());
        return view(refresh(loaded, true));
    }

    private Loaded refresh(Loaded seen) {
        return refresh(seen, false);
    }

    /** Re-reads config and database, unless another thread did since {@code seen}; keeps the old reading if the database fails. */
    private synchronized Loaded refresh(Loaded seen, boolean always) {
        if (!always && loaded != seen) {
            return loaded;
        }
        try {
            Loaded fresh = load();
            // The same instance while nothing changed: readers that built something from it keep it.
            if (loaded != null && loaded.effective().equals(fresh.effective())) {
                fresh = new Loaded(loaded.effective(), fresh.values(), fresh.sources(), fresh.stored(), fresh.atNanos());
            }
            loaded = fresh;
        } catch (RuntimeException e) {
            if (loaded == null || always) {
                throw e;
            }
            LOG.warnf("Cannot re-read the settings, keeping those read before: %s", e.getMessage());
            loaded = loaded.renewed();
        }
        return loaded;
    }

    private Loaded load() {
        SettingsStore.Stored stored = store.read();
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        Map<Setting, SettingsView.Source> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            ConfigValue set = config.getConfigValue(s.property());
            String text = stored.texts().get(s);
            if (set.getValue() != null && set.getSourceOrdinal() >= LOWEST_SET_ORDINAL) {
                values.put(s, configured(s));
                sources.put(s, source(set));
            } else if (text != null && parsed(s, text) != null) {
                values.put(s, parsed(s, text));
                sources.put(s, SettingsView.Source.DATABASE);
            } else {
                values.put(s, configured(s));
                sources.put(s, SettingsView.Source.DEFAULT);
            }
        }
        EffectiveSettings effective = new EffectiveSettings((String) values.get(Setting.FROM_NAME),
                (String) values.get(Setting.FROM_ADDRESS), (String) values.get(Setting.REPLY_TO),
                (String) values.get(Setting.LEGAL_NAME), (String) values.get(Setting.POSTAL_ADDRESS),
                (String) values.get(Setting.CONTACT), (Integer) values.get(Setting.CAP_MAX),
                (Duration) values.get(Setting.CAP_WINDOW), (LocalTime) values.get(Setting.QUIET_OPENS),
                (LocalTime) values.get(Setting.QUIET_CLOSES), (ZoneId) values.get(Setting.QUIET_ZONE),
                (Boolean) values.get(Setting.QUIET_DISABLED));
        return new Loaded(effective, values, sources, stored, System.nanoTime());
    }

    /** The value from configuration, typed by the converters the config mappings use (so "7d" reads as it does there). */
    private Object configured(Setting s) {
        Object value = config.getOptionalValue(s.property(), s.type()).orElse(null);
        return value == null && s == Setting.QUIET_DISABLED ? Boolean.FALSE : value;
    }

    /** A stored text, or null (and a warning) when it no longer parses: the configured value applies instead. */
    private static Object parsed(Setting s, String text) {
        try {
            return s.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Stored setting %s is ignored: %s", s.field(), e.getMessage());
            return null;
        }
    }

    private static SettingsView.Source source(ConfigValue value) {
        String name = value.getSourceName() == null ? "" : value.getSourceName();
        if (name.startsWith("EnvConfigSource") || name.contains(".env")) {
            return SettingsView.Source.ENVIRONMENT;
        }
        if (name.startsWith("SysPropConfigSource")) {
            return SettingsView.Source.SYSTEM_PROPERTY;
        }
        return SettingsView.Source.CONFIGURATION;
    }

    private static SettingsView view(Loaded l) {
        Map<Setting, String> t = new EnumMap<>(Setting.class);
        l.values().forEach((s, v) -> t.put(s, Setting.format(v)));
        SettingsValues values = new SettingsValues(
                new SettingsValues.Sender(t.get(Setting.FROM_NAME), t.get(Setting.FROM_ADDRESS), t.get(Setting.REPLY_TO)),
                new SettingsValues.LegalFooter(t.get(Setting.LEGAL_NAME), t.get(Setting.POSTAL_ADDRESS), t.get(Setting.CONTACT)),
                new SettingsValues.FrequencyCap((Integer) l.values().get(Setting.CAP_MAX), t.get(Setting.CAP_WINDOW)),
                new SettingsValues.QuietHours(t.get(Setting.QUIET_OPENS), t.get(Setting.QUIET_CLOSES), t.get(Setting.QUIET_ZONE),
                        (Boolean) l.values().get(Setting.QUIET_DISABLED)));
        List<SettingsView.Origin> origins = new ArrayList<>();
        for (Setting s : Setting.values()) {
            SettingsView.Source source = l.sources().get(s);
            origins.add(new SettingsView.Origin(s.field(), source, source.fixed(), s.property(), s.environmentVariable()));
        }
        return new SettingsView(values, origins, l.stored().updatedAt(), l.stored().updatedBy());
    }

    /** The request as texts by setting; null for a field left out, and for an empty Reply-To (none). */
    private static Map<Setting, String> texts(SettingsValues v) {
        Map<Setting, String> t = new EnumMap<>(Setting.class);
        if (v == null) {
            return t;
        }
        if (v.sender() != null) {
            put(t, Setting.FROM_NAME, v.sender().fromName());
            put(t, Setting.FROM_ADDRESS, v.sender().fromAddress());
            put(t, Setting.REPLY_TO, v.sender().replyTo() == null || v.sender().replyTo().isBlank() ? null : v.sender().replyTo());
        }
        if (v.legalFooter() != null) {
            put(t, Setting.LEGAL_NAME, v.legalFooter().legalName());
            put(t, Setting.POSTAL_ADDRESS, v.legalFooter().postalAddress());
            put(t, Setting.CONTACT, v.legalFooter().contact());
        }
        if (v.frequencyCap() != null) {
            put(t, Setting.CAP_MAX, v.frequencyCap().max() == null ? null : v.frequencyCap().max().toString());
            put(t, Setting.CAP_WINDOW, v.frequencyCap().window());
        }
        if (v.quietHours() != null) {
            put(t, Setting.QUIET_OPENS, v.quietHours().opens());
            put(t, Setting.QUIET_CLOSES, v.quietHours().closes());
            put(t, Setting.QUIET_ZONE, v.quietHours().zone());
            put(t, Setting.QUIET_DISABLED, v.quietHours().disabled() == null ? null : v.quietHours().disabled().toString());
        }
        return t;
    }

    private static void put(Map<Setting, String> texts, Setting s, String text) {
        if (text != null) {
            texts.put(s, text.strip());
        }
    }
}
