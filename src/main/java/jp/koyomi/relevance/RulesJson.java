package jp.koyomi.relevance;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Content rules to and from JSON, as campaigns store them. Reading also validates: a typo in a
 * field name, a wrong enum value or a broken rule is an {@link InvalidRulesException} naming the
 * path, never a silently ignored setting.
 */
public final class RulesJson {

    // Own mapper: the rule format must not change with the application's Jackson settings. It is
    // snake_case like every other JSON of the API.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private RulesJson() {
    }

    /** @throws InvalidRulesException for malformed JSON, unknown fields, wrong values or broken rules */
    public static ContentRules parse(String json) {
        try {
            return RulesValidator.requireValid(MAPPER.readValue(json, ContentRules.class));
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(List.of(describe(e)));
        }
    }

    /** @throws InvalidRulesException as {@link #parse(String)} */
    public static ContentRules parse(JsonNode json) {
        try {
            return RulesValidator.requireValid(MAPPER.treeToValue(json, ContentRules.class));
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(List.of(describe(e)));
        }
    }

    public static String write(ContentRules rules) {
        try {
            return MAPPER.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content rules could not be written as JSON", e);
        }
    }

    public static JsonNode toTree(ContentRules rules) {
        return MAPPER.valueToTree(rules);
    }

    private static String describe(JacksonException e) {
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            String where = syntax.getLocation() == null ? ""
                    : " at line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr();
            String detail = syntax.getOriginalMessage();
            int context = detail.indexOf(" (for ");
            return "rules: not valid JSON" + where + ": " + (context > 0 ? detail.substring(0, context) : detail);
        }
        if (!(e instanceof JsonMappingException m)) {
            return "rules: " + e.getOriginalMessage();
        }
        String path = path(m.getPath());
        if (m instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? ""
                    : "; known fields: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
            return path + ": unknown field" + known;
        }
        if (m instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return path + ": '" + f.getValue() + "' is not one of " + allowed;
            }
            return path + ": '" + f.getValue() + "' is not a valid " + simpleName(target);
        }
        return path + ": " + m.getOriginalMessage();
    }

    /** Databinding wraps a syntax error in a mapping error; the syntax error is what the reader needs. */
    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s) {
                return s;
            }
        }
        return null;
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder("rules");
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String simpleName(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true/false";
        }
        return type == null ? "value" : type.getSimpleName();
    }
}
