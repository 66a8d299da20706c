package jp.koyomi.settings;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The settings in force and where each value comes from. */
@Schema(name = "Settings", requiredProperties = { "values", "origins" })
public record SettingsView(@Schema(description = "The values in force now") SettingsValues values,
        @Schema(description = "Where each value comes from, one entry per field") List<Origin> origins,
        @Schema(description = "When an admin last saved the settings; null if never") OffsetDateTime updatedAt,
        @Schema(description = "Who saved them last", examples = "admin") String updatedBy) {

    /** Where one setting's value comes from. */
    public enum Source {
        /** Nobody set it: the built-in default. */
        DEFAULT,
        /** Saved by an admin. */
        DATABASE,
        /** An environment variable (or a .env file): fixed, the UI cannot change it. */
        ENVIRONMENT,
        /** A Java system property: fixed. */
        SYSTEM_PROPERTY,
        /** A configuration file such as application.properties: fixed. */
        CONFIGURATION;

        boolean fixed() {
            return this != DEFAULT && this != DATABASE;
        }
    }

    @Schema(name = "SettingOrigin", requiredProperties = { "field", "source", "fixed", "property", "environment_variable" })
    public record Origin(@Schema(examples = "quiet_hours.opens") String field, Source source,
            @Schema(description = "true when set in the environment or configuration, which wins over the database") boolean fixed,
            @Schema(examples = "koyomi.runs.quiet-hours.opens") String property,
            @Schema(examples = "KOYOMI_RUNS_QUIET_HOURS_OPENS") String environmentVariable) {
    }
}
