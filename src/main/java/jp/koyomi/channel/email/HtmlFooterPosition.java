package jp.koyomi.channel.email;

/**
 * Where in a rendered HTML body the legal footer goes: before the closing {@code </body>}, or at the
 * end. One forward scan that knows just enough HTML to see comments and raw-text elements, because
 * a footer placed after an unterminated {@code <!--} or {@code <style>} would be hidden from the reader.
 */
final class HtmlFooterPosition {

    // Elements whose content is not markup: a footer inside them is not shown as part of the page.
    private static final String[] RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe",
        "noembed", "noframes", "plaintext"};

    private HtmlFooterPosition() {
    }

    static int of(String html) throws EmailRejectedException {
        int bodyEnd = -1;
        int i = 0;
        int n = html.length();
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                if (end < 0) {
                    throw new EmailRejectedException("HTML part ends inside an unterminated comment <!--,"
                            + " which would hide the legal footer");
                }
                i = end + 3;
                continue;
            }
            if (startsTag(html, lt + 1, "/body")) {
                bodyEnd = lt;
                i = lt + 1;
                continue;
            }
            String raw = rawTextElementAt(html, lt + 1);
            if (raw == null) {
                i = lt + 1;
                continue;
            }
            int close = closingTag(html, lt + 1 + raw.length(), raw);
            if (close < 0) {
                throw new EmailRejectedException("HTML part has an unclosed <" + raw + "> element,"
                        + " which would hide the legal footer");
            }
            i = close;
        }
        return bodyEnd >= 0 ? bodyEnd : n;
    }

    private static String rawTextElementAt(String html, int nameStart) {
        for (String name : RAW_TEXT) {
            if (startsTag(html, nameStart, name)) {
                return name;
            }
        }
        return null;
    }

    private static int closingTag(String html, int from, String name) {
        if (name.equals("plaintext")) {
            return -1; // runs to the end of the document: there is no closing tag
        }
        int i = from;
        while (true) {
            int lt = html.indexOf("</", i);
            if (lt < 0) {
                return -1;
            }
            if (html.regionMatches(true, lt + 2, name, 0, name.length()) && endsName(html, lt + 2 + name.length())) {
                return lt + 2 + name.length();
            }
            i = lt + 2;
        }
    }

    /** True when {@code name} starts at {@code at}, case-insensitively, and is a whole tag name. */
    private static boolean startsTag(String html, int at, String name) {
        return html.regionMatches(true, at, name, 0, name.length()) && endsName(html, at + name.length());
    }

    private static boolean endsName(String html, int at) {
        if (at >= html.length()) {
            return true;
        }
        char c = html.charAt(at);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }
}
