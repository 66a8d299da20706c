package jp.koyomi.preview;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import jp.koyomi.channel.email.EmailMessageBuilder;
import jp.koyomi.common.InvalidInputException;
import jp.koyomi.common.NotFoundException;
import jp.koyomi.customer.Customer;
import jp.koyomi.customer.CustomerRepository;
import jp.koyomi.delivery.MessageCodec;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.domain.Channel;
import jp.koyomi.link.SignedLinks;
import jp.koyomi.region.PrefectureDirectory;
import jp.koyomi.run.CampaignPipelines;
import jp.koyomi.template.MessageContext;
import jp.koyomi.template.RenderedMessage;
import jp.koyomi.template.SampleContexts;
import jp.koyomi.template.SendingChecks;
import jp.koyomi.template.TemplateProblem;
import jp.koyomi.template.TemplateRejectedException;
import jp.koyomi.template.TemplateService;

/**
 * Renders a template version or unsaved source for a customer as a run would (their data, the sample
 * items, the configured sender, their signed unsubscribe link), stores-and-reads it as the outbox
 * does, and finishes it with the channel's own builder. The same finishing tells the template store
 * what a sender would refuse, so such a template is not saved.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PreviewService implements SendingChecks {

    /** Campaigns' default zone: the run date templates see. */
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** A preview is no delivery: no outbox row, a retry key of zeros (only the MIME boundary shows it). */
    private static final UUID NO_DELIVERY = new UUID(0, 0);

    private final TemplateService templates;
    private final CustomerRepository customers;
    private final PrefectureDirectory prefectures;
    private final SignedLinks links;
    private final CampaignPipelines pipelines;
    private final Clock clock;
    private final EmailPreviews email;
    private final LinePreviews line = new LinePreviews();
    private final PostalPreviews postal = new PostalPreviews();

    @Inject
    public PreviewService(TemplateService templates, CustomerRepository customers, PrefectureDirectory prefectures,
            SignedLinks links, CampaignPipelines pipelines, Clock clock, EmailMessageBuilder emailBuilder) {
        this.templates = templates;
        this.customers = customers;
        this.prefectures = prefectures;
        this.links = links;
        this.pipelines = pipelines;
        this.clock = clock;
        this.email = new EmailPreviews(emailBuilder);
    }

    /** A stored version for the customer, or the sample customer when {@code customerExternalId} is null. */
    public MessagePreview version(long versionId, String customerExternalId) {
        templates.version(versionId); // 404 before anything else
        Channel channel = templates.channelOfVersion(versionId).orElseThrow(() -> new InvalidInputException("version_id",
                "version " + versionId + " is a partial: preview a template that includes it"));
        Addressee to = addressee(customerExternalId);
        URI unsubscribe = links.unsubscribeUrl(to.customerId(), channel);
        return finish(channel, to, templates.preview(versionId, context(to, unsubscribe)), unsubscribe);
    }

    /** Unsaved source of a channel for the customer, or the sample customer when {@code customerExternalId} is null. */
    public MessagePreview source(String channelName, JsonNode source, String customerExternalId) {
        Channel channel = channel(channelName);
        Addressee to = addressee(customerExternalId);
        URI unsubscribe = links.unsubscribeUrl(to.customerId(), channel);
        return finish(channel, to, templates.previewSource(channel.name(), source, context(to, unsubscribe)), unsubscribe);
    }

    /**
     * What the channel's sender would refuse in this message to the sample customer. Postal rows are
     * never refused: a character windows-31j lacks holds a row back only in files of that encoding.
     */
    @Override
    public List<TemplateProblem> check(Channel channel, RenderedMessage message) {
        if (channel == Channel.POSTAL) {
            return List.of();
        }
        Addressee sample = Addressee.sample();
        try {
            finish(channel, sample, message, links.unsubscribeUrl(sample.customerId(), channel));
            return List.of();
        } catch (TemplateRejectedException e) {
            return e.errors().stream().map(f -> new TemplateProblem(f.field(), f.line(), f.column(), f.message())).toList();
        }
    }

    private Addressee addressee(String externalId) {
        if (externalId == null) {
            return Addressee.sample();
        }
        Customer c = customers.findByExternalId(externalId).orElseThrow(() -> new NotFoundException("customer", externalId));
        return Addressee.of(c, c.prefectureCode == null ? null : prefectures.byCode(c.prefectureCode).orElse(null));
    }

    private MessageContext context(Addressee to, URI unsubscribe) {
        MessageContext sample = SampleContexts.full();
        return new MessageContext(to.templateCustomer(), sample.items(), sample.blocks(), sample.campaignName(),
                LocalDate.now(clock.withZone(TOKYO)), unsubscribe.toString(), pipelines.sender());
    }

    private MessagePreview finish(Channel channel, Addressee to, RenderedMessage rendered, URI unsubscribe) {
        // What the senders read: the outbox stores the rendered message as JSON and decodes it at send time.
        RenderedMessage stored = MessageCodec.decode(channel, MessageCodec.encode(rendered));
        MessagePreview.Recipient recipient = to.recipient(channel);
        return switch (channel) {
            case EMAIL -> email.preview(outbound(channel, to, stored, unsubscribe, "nobody@example.invalid"), recipient);
            case LINE -> line.preview(outbound(channel, to, stored, unsubscribe, "U00000000000000000000000000000000"),
                    recipient);
            case POSTAL -> postal.preview(to, ((RenderedMessage.Postal) stored).fields(), recipient);
        };
    }

    /** The message as the drainer hands it to a sender; a customer without an address gets a stand-in one. */
    private static OutboundMessage outbound(Channel channel, Addressee to, RenderedMessage content, URI unsubscribe,
            String standIn) {
        String address = to.address(channel);
        return new OutboundMessage(0, NO_DELIVERY, channel, address == null ? standIn : address, to.displayName(), content,
                unsubscribe);
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "'" + name + "' must be EMAIL, LINE or POSTAL");
        }
    }
}
