package jp.koyomi.delivery;

import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a letter offers, as the outbox records it so the offer can be checked again at send time:
 * the SKUs shown and the units each needs in stock (the rule's {@code min_stock}; 0 turns the check off).
 */
public record Offer(List<String> skus, int minStock) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final Offer NONE = new Offer(List.of(), 0);

    public Offer {
        skus = List.copyOf(skus);
    }

    /** Whether anything needs checking: no items, or a rule without a stock minimum, always holds. */
    public boolean checksStock() {
        return minStock > 0 && !skus.isEmpty();
    }

    /** A JSON array, as the {@code offered_skus} column holds them; null when nothing is offered. */
    public String encodedSkus() {
        try {
            return skus.isEmpty() ? null : JSON.writeValueAsString(skus);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Offer decode(String skus, int minStock) {
        try {
            return new Offer(skus == null ? List.of() : JSON.readValue(skus, new TypeReference<List<String>>() { }),
                    minStock);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
