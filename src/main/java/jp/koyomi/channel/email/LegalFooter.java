package jp.koyomi.channel.email;

import java.net.URI;

/**
 * The footer every marketing email ends with, added after rendering so no template can leave it
 * out: the sender's name, postal address and contact, and the unsubscribe link with the statement
 * that the reader may refuse further email (特定電子メール法 第4条).
 */
final class LegalFooter {

    private static final String RULE = "――――――――――――――――――――";
    private static final String STATEMENT = "今後このメールの受信を希望されない場合は、次のリンクから配信を停止できます。";

    private final String text;
    private final String html;

    LegalFooter(SenderSettings sender) {
        this.text = "\r\n\r\n" + RULE + "\r\n"
                + "送信者: " + sender.legalName() + "\r\n"
                + "住所: " + sender.postalAddress() + "\r\n"
                + "お問い合わせ: " + sender.contact() + "\r\n"
                + STATEMENT + "\r\n"
                + "配信停止: ";
        this.html = "\r\n<div style=\"margin-top:24px;padding-top:12px;border-top:1px solid #cccccc;"
                + "font-size:12px;line-height:1.6;color:#555555\">\r\n"
                + "<p style=\"margin:0\">送信者: " + escape(sender.legalName())
                + "<br>住所: " + escape(sender.postalAddress())
                + "<br>お問い合わせ: " + escape(sender.contact()) + "</p>\r\n"
                + "<p style=\"margin:8px 0 0\">" + STATEMENT + "<br>配信停止: <a href=\"";
    }

    /** The plain-text part with the footer at its end. */
    String appendToText(String body, URI unsubscribeUrl) {
        String url = unsubscribeUrl.toASCIIString();
        return new StringBuilder(body.length() + text.length() + url.length() + 2)
                .append(body).append(text).append(url).append("\r\n").toString();
    }

    /**
     * The HTML part with the footer inside its body, before {@code </body>} when there is one.
     *
     * @throws EmailRejectedException when the footer would land inside an unterminated comment or a
     *                                raw-text element (script, style, textarea, ...), where no reader sees it
     */
    String insertIntoHtml(String body, URI unsubscribeUrl) throws EmailRejectedException {
        int at = HtmlFooterPosition.of(body);
        String url = escape(unsubscribeUrl.toASCIIString());
        String footer = html + url + "\">" + url + "</a></p>\r\n</div>\r\n";
        return new StringBuilder(body.length() + footer.length())
                .append(body, 0, at).append(footer).append(body, at, body.length()).toString();
    }

    static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            String replacement = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (replacement != null) {
                out.append(replacement);
            } else if (out != null) {
                out.append(value.charAt(i));
            }
        }
        return out == null ? value : out.toString();
    }
}
