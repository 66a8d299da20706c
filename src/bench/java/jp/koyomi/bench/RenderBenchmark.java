package jp.koyomi.bench;

import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import jp.koyomi.template.MessageContext;
import jp.koyomi.template.RenderedMessage;
import jp.koyomi.template.TemplateEngine;
import jp.koyomi.template.TemplateSource;

/**
 * A 4-item Japanese HTML email: raw FreeMarker (one HTML template, auto-escaped, plain map model)
 * against Koyomi's engine rendering the whole email (subject, HTML, text) through the sandbox, its
 * model building, time limit and output cap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {

    private static final String HTML = """
            <html><body><p>${customer.fullName}様</p><p>いつもご利用ありがとうございます。今週のおすすめです。</p>
            <table><#list items as item><tr><td><a href="${item.url}">${item.name}</a></td><td>サイズ ${item.size}</td>
            <td><#if item.markdownPrice??><s>${item.price}</s> ${item.markdownPrice}<#else>${item.price}</#if>円</td></tr>
            </#list></table><p>${sender.brand}</p></body></html>""";
    private static final String TEXT = """
            ${customer.fullName}様
            <#list items as item>・${item.name}（${item.size}） ${en(item.markdownPrice!item.price)}
              ${item.url}
            </#list>""";

    private Template raw;
    private Map<String, Object> rawModel;
    private TemplateEngine.Compiled compiled;
    private MessageContext context;

    @Setup
    public void setUp() throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        raw = new Template("raw", HTML, cfg);
        List<MessageContext.Item> items = new ArrayList<>();
        List<Map<String, Object>> rawItems = new ArrayList<>();
        String[] names = { "ダウンコート", "カシミヤタートルネック", "セルビッジストレートジーンズ", "レザースニーカー" };
        for (int i = 0; i < 4; i++) {
            items.add(new MessageContext.Item("ST-" + i, names[i], "coats", "M", "ネイビー", 19900 + i * 1000,
                    i % 2 == 0 ? 14900 : null, "https://shop.koyomi-apparel.example/p/st-" + i, null));
            Map<String, Object> item = new HashMap<>();
            item.put("name", names[i]);
            item.put("size", "M");
            item.put("price", 19900 + i * 1000);
            if (i % 2 == 0) {
                item.put("markdownPrice", 14900);
            }
            item.put("url", "https://shop.koyomi-apparel.example/p/st-" + i);
            rawItems.add(item);
        }
        rawModel = Map.of("customer", Map.of("fullName", "青木 陽菜"), "items", rawItems, "sender",
                Map.of("brand", "こよみアパレル"));
        context = new MessageContext(new MessageContext.Customer("青木", "陽菜", "アオキ", "ヒナ", "東京都", 1200, null),
                items, List.of(), "週刊ニュースレター", LocalDate.of(2026, 11, 25), "https://koyomi.example/unsubscribe/t",
                new MessageContext.Sender("こよみアパレル", "東京都渋谷区神宮前1-2-3", "support@example.jp"));
        compiled = new TemplateEngine(name -> Optional.empty(), Duration.ofSeconds(2), 500_000)
                .compile(new TemplateSource.Email("${customer.familyName}様へ　今週のおすすめ", HTML, TEXT));
    }

    @Benchmark
    public String rawFreemarkerHtml() throws Exception {
        StringWriter out = new StringWriter(4096);
        raw.process(rawModel, out);
        return out.toString();
    }

    @Benchmark
    public RenderedMessage koyomiEmail() {
        return compiled.render(context);
    }
}
