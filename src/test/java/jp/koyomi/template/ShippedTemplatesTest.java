package jp.koyomi.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.domain.Channel;

class ShippedTemplatesTest {

    private final Map<String, String> partials = ShippedTemplates.partials();
    private final TemplateEngine engine = new TemplateEngine(n -> Optional.ofNullable(partials.get(n)),
            Duration.ofSeconds(2), 200_000);

    @Test
    void everyShippedTemplateValidatesOnAllThreeChannels() {
        List<ShippedTemplates.Shipped> all = ShippedTemplates.all();
        assertEquals(4 * 3, all.size());
        for (ShippedTemplates.Shipped shipped : all) {
            assertEquals(List.of(), engine.validate(shipped.source(), SampleContexts.all()), shipped.name() + " "
                    + shipped.channel());
        }
    }

    @Test
    void theSeasonalMarkdownRendersForACustomerOnEveryChannel() throws Exception {
        for (ShippedTemplates.Shipped shipped : ShippedTemplates.all()) {
            if (!shipped.name().equals("seasonal-markdown")) {
                continue;
            }
            RenderedMessage rendered = engine.compile(shipped.source()).render(SampleContexts.full());
            if (shipped.channel() == Channel.EMAIL) {
                RenderedMessage.Email email = (RenderedMessage.Email) rendered;
                assertTrue(email.subject().contains("青木様"), email.subject());
                assertTrue(email.html().contains("¥27,900"), "marked-down price shown");
                assertTrue(email.text().contains("27,900円（通常 39,900円）"), email.text());
            } else if (shipped.channel() == Channel.LINE) {
                var flex = new ObjectMapper().readTree(((RenderedMessage.Line) rendered).messagesJson().get(0));
                assertEquals("flex", flex.get("type").asText());
                assertTrue(flex.at("/contents/body/contents/2/text").asText().contains("ダウンコート（M）¥27,900"));
            } else {
                assertEquals("青木 陽菜様", ((RenderedMessage.Postal) rendered).fields().get("greeting"));
            }
        }
    }
}
