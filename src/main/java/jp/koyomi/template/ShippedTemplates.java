package jp.koyomi.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.koyomi.domain.Channel;

/**
 * The default templates shipped in {@code src/main/resources/templates}: per template a folder with
 * {@code email-subject.ftl}, {@code email.html.ftl}, {@code email.txt.ftl}, {@code line.json} (an
 * array of messages: text templates or message objects) and {@code postal.json} (field → template);
 * partials in {@code partials/NAME.ftl}. Each folder list is in an {@code index.txt}, since a jar
 * cannot be listed.
 */
public final class ShippedTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Shipped(String name, Channel channel, TemplateSource source) {
    }

    private ShippedTemplates() {
    }

    public static List<String> names() {
        return index("templates/index.txt");
    }

    public static Map<String, String> partials() {
        Map<String, String> partials = new LinkedHashMap<>();
        index("templates/partials/index.txt").forEach(n -> partials.put(n, read("templates/partials/" + n + ".ftl")));
        return partials;
    }

    public static List<Shipped> all() {
        List<Shipped> all = new ArrayList<>();
        for (String name : names()) {
            String dir = "templates/" + name + "/";
            all.add(new Shipped(name, Channel.EMAIL, new TemplateSource.Email(read(dir + "email-subject.ftl").strip(),
                    read(dir + "email.html.ftl"), read(dir + "email.txt.ftl"))));
            List<String> messages = new ArrayList<>();
            for (JsonNode message : tree(dir + "line.json")) {
                messages.add(message.isTextual() ? message.asText() : message.toString());
            }
            all.add(new Shipped(name, Channel.LINE, new TemplateSource.Line(messages)));
            Map<String, String> fields = new LinkedHashMap<>();
            tree(dir + "postal.json").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            all.add(new Shipped(name, Channel.POSTAL, new TemplateSource.Postal(fields)));
        }
        return all;
    }

    private static List<String> index(String path) {
        return read(path).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static JsonNode tree(String path) {
        try {
            return JSON.readTree(read(path));
        } catch (IOException e) {
            throw new UncheckedIOException("shipped template " + path + " is not JSON", e);
        }
    }

    private static String read(String path) {
        try (InputStream in = ShippedTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("shipped template missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
