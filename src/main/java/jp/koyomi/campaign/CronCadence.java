package jp.koyomi.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/** A Quartz cron expression (seconds first, as quarkus-scheduler reads them), e.g. {@code 0 0 10 ? * MON-FRI}. */
@Schema(name = "CronCadence", description = "A Quartz cron expression, seconds first.",
        requiredProperties = { "type", "expression" }, properties = @SchemaProperty(name = "type", constValue = "CRON"))
public record CronCadence(@Schema(examples = "0 0 10 ? * MON-FRI") String expression, @Schema(description = "IANA time zone; Asia/Tokyo when absent", examples = "Asia/Tokyo") ZoneId zone) implements Cadence {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    public CronCadence {
        zone = Cadence.zoneOr(zone);
    }

    @Override
    public Optional<ZonedDateTime> nextAfter(Instant after) {
        if (!problems().isEmpty()) {
            return Optional.empty();
        }
        return ExecutionTime.forCron(PARSER.parse(expression)).nextExecution(after.atZone(zone));
    }

    @Override
    public List<String> problems() {
        if (expression == null || expression.isBlank()) {
            return List.of("expression: a Quartz cron expression, e.g. 0 0 10 ? * MON");
        }
        try {
            PARSER.parse(expression);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of("expression: " + e.getMessage());
        }
    }
}
