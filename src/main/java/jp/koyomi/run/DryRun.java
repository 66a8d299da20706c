package jp.koyomi.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.settings.SettingsService;
import jp.koyomi.template.RenderedMessage;

/**
 * The run pipeline without deliveries: who would get the campaign now, who would not and why, and
 * "explain" for one customer. Reads only; the audience is streamed in the same keyset batches.
 */
@ApplicationScoped
public class DryRun {

    static final int SAMPLE = 10;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CampaignPipelines pipelines;

    @Inject
    RunConfig config;

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    @Schema(name = "DecisionSample", requiredProperties = { "customer", "outcome", "explanation" })
    public record Sample(@Schema(description = "The customer's external id") String customer,
            @Schema(enumeration = { "SENT_TO_OUTBOX", "SKIPPED", "HOLDOUT" }) String outcome,
            @Schema(examples = "NO_SIZE_IN_STOCK") String skipReason,
            @Schema(enumeration = { "EMAIL", "LINE", "POSTAL" }) String channel,
            @Schema(description = "The start of the message the customer would get") String preview,
            @Schema(description = "Each step of the decision, in words") List<String> explanation) {
    }

    @Schema(name = "DryRunResult", requiredProperties = { "customers", "by_outcome", "by_skip_reason", "by_channel", "samples" })
    public record Result(long customers, Map<String, Long> byOutcome, Map<String, Long> bySkipReason,
            Map<String, Long> byChannel, List<Sample> samples) {
    }

    public Result run(long campaignId) {
        Instant now = clock.instant();
        RunPipeline pipeline = pipelines.forCampaign(campaignId, now);
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, Long> channels = new TreeMap<>();
        List<Sample> offered = new ArrayList<>();
        List<Sample> skipped = new ArrayList<>();
        long customers = 0;
        try (Connection c = dataSource.getConnection()) {
            AudienceReader reader = reader();
            long checkpoint = 0;
            for (List<AudienceMember> batch = reader.nextBatch(c, 0, config.batchSize(), now); !batch.isEmpty();
                    batch = reader.nextBatch(c, checkpoint, config.batchSize(), now)) {
                for (AudienceMember member : batch) {
                    RunOutcome o = pipeline.decide(member);
                    customers++;
                    outcomes.merge(o.kind().name(), 1L, Long::sum);
                    if (o.skipReason() != null) {
                        reasons.merge(o.skipReason(), 1L, Long::sum);
                    }
                    if (o.channel() != null) {
                        channels.merge(o.channel().name(), 1L, Long::sum);
                    }
                    List<Sample> samples = o.kind() == RunOutcome.Kind.SENT_TO_OUTBOX ? offered : skipped;
                    if (samples.size() < SAMPLE / 2) {
                        samples.add(sample(member, o));
                    }
                }
                checkpoint = batch.get(batch.size() - 1).id();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Dry run failed", e);
        }
        offered.addAll(skipped);
        return new Result(customers, outcomes, reasons, channels, offered);
    }

    /** Why this customer would or would not get the campaign now. */
    public Sample explain(long campaignId, String externalId) {
        Instant now = clock.instant();
        RunPipeline pipeline = pipelines.forCampaign(campaignId, now);
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM customer WHERE external_id = ?")) {
                s.setString(1, externalId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("customer", externalId);
                    }
                    id = rs.getLong(1);
                }
            }
            AudienceMember member = reader().nextBatch(c, id - 1, 1, now).get(0);
            return sample(member, pipeline.decide(member));
        } catch (SQLException e) {
            throw new IllegalStateException("Explain failed", e);
        }
    }

    private AudienceReader reader() {
        return new AudienceReader(config.offerHistoryWindow(), settings.current().capWindow());
    }

    private static Sample sample(AudienceMember member, RunOutcome o) {
        return new Sample(member.externalId(), o.kind().name(), o.skipReason(),
                o.channel() == null ? null : o.channel().name(), preview(o.message()), o.explanation());
    }

    private static String preview(RenderedMessage message) {
        if (message instanceof RenderedMessage.Email email) {
            return email.subject();
        }
        if (message instanceof RenderedMessage.Line line) {
            return line.messagesJson().get(0);
        }
        return message instanceof RenderedMessage.Postal postal ? postal.fields().toString() : null;
    }

}
