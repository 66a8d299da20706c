package jp.koyomi.template;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;

/**
 * The data model a template sees, built from a {@link MessageContext}: maps, lists, strings,
 * numbers, and three formatting functions for Japanese copy ({@code yen}, {@code en},
 * {@code jpDate}). Nothing else: no Java objects reach a template.
 */
public final class MessageModel {

    private static final Map<String, Object> FUNCTIONS = Map.of(
            "yen", (TemplateMethodModelEx) args -> new SimpleScalar("¥" + grouped(number(args, "yen"))),
            "en", (TemplateMethodModelEx) args -> new SimpleScalar(grouped(number(args, "en")) + "円"),
            "jpDate", (TemplateMethodModelEx) args -> new SimpleScalar(jpDate(LocalDate.parse(string(args, "jpDate")))));

    private MessageModel() {
    }

    public static Map<String, Object> of(MessageContext c) {
        Map<String, Object> model = new HashMap<>(FUNCTIONS);
        model.put("customer", customer(c.customer()));
        List<Object> items = new ArrayList<>();
        c.items().forEach(i -> items.add(item(i)));
        model.put("items", items);
        List<Object> blocks = new ArrayList<>();
        for (MessageContext.Block b : c.blocks()) {
            Map<String, Object> block = new HashMap<>();
            putIfPresent(block, "type", b.type());
            putIfPresent(block, "title", b.title());
            putIfPresent(block, "body", b.body());
            putIfPresent(block, "url", b.url());
            blocks.add(block);
        }
        model.put("blocks", blocks);
        model.put("campaign", Map.of("name", c.campaignName()));
        model.put("run", Map.of("date", c.runDate().toString()));
        model.put("unsubscribeUrl", c.unsubscribeUrl());
        model.put("sender", Map.of("brand", c.sender().brand(), "postalAddress", c.sender().postalAddress(),
                "contact", c.sender().contact()));
        return model;
    }

    private static Map<String, Object> customer(MessageContext.Customer c) {
        Map<String, Object> m = new HashMap<>();
        m.put("familyName", c.familyName());
        putIfPresent(m, "givenName", c.givenName());
        putIfPresent(m, "familyNameKana", c.familyNameKana());
        putIfPresent(m, "givenNameKana", c.givenNameKana());
        m.put("honorific", "様");
        m.put("fullName", c.givenName() == null ? c.familyName() : c.familyName() + " " + c.givenName());
        putIfPresent(m, "prefecture", c.prefecture());
        m.put("points", c.points());
        if (c.pointsExpireOn() != null) {
            m.put("pointsExpireOn", c.pointsExpireOn().toString());
        }
        return m;
    }

    private static Map<String, Object> item(MessageContext.Item i) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", i.code());
        m.put("name", i.name());
        putIfPresent(m, "category", i.category());
        putIfPresent(m, "size", i.size());
        putIfPresent(m, "color", i.color());
        m.put("price", i.price());
        if (i.markdownPrice() != null) {
            m.put("markdownPrice", i.markdownPrice());
        }
        putIfPresent(m, "url", i.url());
        putIfPresent(m, "imageUrl", i.imageUrl());
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** 2026年11月24日(火) */
    public static String jpDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日("
                + date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ")";
    }

    /** Whole numbers grouped by hand: building a NumberFormat for each price took a tenth of a run's JVM time. */
    static String grouped(Number n) {
        if (!(n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)) {
            return NumberFormat.getIntegerInstance(Locale.JAPAN).format(n);
        }
        String digits = Long.toString(n.longValue());
        int sign = digits.charAt(0) == '-' ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + 6).append(digits, 0, sign);
        for (int i = sign; i < digits.length(); i++) {
            if (i > sign && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static Number number(List<?> args, String name) throws TemplateModelException {
        if (args.size() == 1 && args.get(0) instanceof TemplateNumberModel n) {
            return n.getAsNumber();
        }
        throw new TemplateModelException(name + "(...) takes one number, e.g. " + name + "(item.price)");
    }

    private static String string(List<?> args, String name) throws TemplateModelException {
        if (args.size() == 1 && args.get(0) instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        throw new TemplateModelException(name + "(...) takes one date as YYYY-MM-DD, e.g. " + name + "(run.date)");
    }
}
