package jp.koyomi.bench;

import java.io.OutputStream;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jp.koyomi.channel.email.DkimSettings;
import jp.koyomi.channel.email.EmailMessageBuilder;
import jp.koyomi.channel.email.SenderSettings;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.domain.Channel;
import jp.koyomi.template.RenderedMessage;

/**
 * Building the MIME message of a pre-rendered 4-item Japanese email and writing it out, as SMTP
 * would, one thread = one core. "prepared" is Koyomi's EmailMessageBuilder; "jakartaMail" is the
 * textbook MimeMultipart + setText construction, for comparison. Each runs with and without
 * {@code -Djakarta.mail.util.StreamProvider=...MailStreamProvider}: the "without" forks replace
 * the JVM arguments the bench profile passes, so the property is really absent there.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@State(Scope.Thread)
public class MimeBenchmark {

    private static final String WITH_PROPERTY = "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider";
    private static final String HEAP = "-Xmx512m";

    private EmailMessageBuilder builder;
    private EmailMessageBuilder signingBuilder;
    private OutboundMessage message;
    private Session session;
    private RenderedMessage.Email email;

    @Setup
    public void setUp() throws Exception {
        SenderSettings sender = new SenderSettings("news@shop.example.jp", "暦ストア", "株式会社暦",
                "〒060-0001 北海道札幌市中央区北1条西1丁目1-1", "0120-000-000 / support@shop.example.jp",
                "unsubscribe@shop.example.jp");
        builder = new EmailMessageBuilder(sender, Clock.systemDefaultZone());
        signingBuilder = new EmailMessageBuilder(sender, new DkimSettings("shop.example.jp", "koyomi", rsaKey()),
                Clock.systemDefaultZone());
        email = fourItemEmail();
        message = new OutboundMessage(123_456L, UUID.randomUUID(), Channel.EMAIL, "hina.aoki@example.com", "青木 陽菜",
                email, URI.create("https://koyomi.example.jp/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"));
        session = Session.getInstance(new Properties());
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {HEAP, WITH_PROPERTY})
    public MimeMessage preparedWithProperty() throws Exception {
        return prepared();
    }

    @Benchmark
    @Fork(value = 1, jvmArgs = {HEAP})
    public MimeMessage preparedWithoutProperty() throws Exception {
        return prepared();
    }

    /** The same with a DKIM signature (RSA-2048): the RSA operation is most of the cost. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {HEAP, WITH_PROPERTY})
    public MimeMessage preparedAndDkimSigned() throws Exception {
        MimeMessage mime = signingBuilder.build(message);
        mime.writeTo(OutputStream.nullOutputStream());
        return mime;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {HEAP, WITH_PROPERTY})
    public MimeMessage jakartaMailWithProperty() throws Exception {
        return jakartaMail();
    }

    @Benchmark
    @Fork(value = 1, jvmArgs = {HEAP})
    public MimeMessage jakartaMailWithoutProperty() throws Exception {
        return jakartaMail();
    }

    private MimeMessage prepared() throws Exception {
        MimeMessage mime = builder.build(message);
        mime.writeTo(OutputStream.nullOutputStream());
        return mime;
    }

    /** The usual way, footer and unsubscribe headers left out, so it does less work than prepared(). */
    private MimeMessage jakartaMail() throws Exception {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress("news@shop.example.jp", "暦ストア", "UTF-8"));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress("hina.aoki@example.com", "青木 陽菜", "UTF-8"));
        mime.setSubject(email.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.writeTo(OutputStream.nullOutputStream());
        return mime;
    }

    private static RSAPrivateKey rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
    }

    /** What the newsletter template renders for one customer: four items, Japanese throughout. */
    static RenderedMessage.Email fourItemEmail() {
        String[][] items = {
            {"ダウンコート（ロング）", "29,900", "20,930", "北海道の冬でも暖かい、750フィルパワーのダウン。"},
            {"ウールマフラー", "6,900", "4,830", "肌ざわりのよいメリノウール100%。"},
            {"防水スノーブーツ", "15,800", "11,060", "滑りにくいソールで雪道も安心。"},
            {"カシミヤ手袋", "8,800", "6,160", "スマートフォン対応の指先。"},
        };
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\">"
                + "<title>冬物最終セール</title></head><body style=\"font-family:sans-serif\">"
                + "<h1>青木 陽菜 様</h1><p>いつも暦ストアをご利用いただきありがとうございます。"
                + "札幌の冬本番に向けて、お客様にぴったりのアイテムを選びました。</p><table>");
        StringBuilder text = new StringBuilder("青木 陽菜 様\n\nいつも暦ストアをご利用いただきありがとうございます。\n"
                + "札幌の冬本番に向けて、お客様にぴったりのアイテムを選びました。\n\n");
        for (int i = 0; i < items.length; i++) {
            String[] item = items[i];
            String link = "https://koyomi.example.jp/click/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + i
                    + ".BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
            html.append("<tr><td><img src=\"https://cdn.example.jp/items/").append(i).append(".jpg\" width=\"120\" alt=\"")
                    .append(item[0]).append("\"></td><td><h2>").append(item[0]).append("</h2><p>").append(item[3])
                    .append("</p><p><s>¥").append(item[1]).append("</s> → <strong>¥").append(item[2])
                    .append("</strong>（30%オフ・Mサイズ在庫あり）</p><p><a href=\"").append(link)
                    .append("\">商品を見る</a></p></td></tr>");
            text.append("■ ").append(item[0]).append("\n").append(item[3]).append("\n¥").append(item[1]).append(" → ¥")
                    .append(item[2]).append("（30%オフ・Mサイズ在庫あり）\n").append(link).append("\n\n");
        }
        html.append("</table><p>在庫がなくなり次第終了となります。お早めにどうぞ。</p></body></html>");
        text.append("在庫がなくなり次第終了となります。お早めにどうぞ。\n");
        return new RenderedMessage.Email("【冬物最終セール】青木 陽菜 様へ、北海道の冬に本気のコートを30%オフで",
                html.toString(), text.toString());
    }
}
