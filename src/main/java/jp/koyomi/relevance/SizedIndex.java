package jp.koyomi.relevance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidates split into one-size items and sized items per category, each list best first. A
 * customer is only walked through the categories where their size is known: sized items elsewhere
 * would all be left out for an unknown size, so they are counted, not visited — that keeps a
 * decision proportional to the customer's own categories, not to the catalog. Maps are plain
 * HashMaps (see {@link CatalogSnapshot}), filled here and only read afterwards.
 */
final class SizedIndex {

    final Candidate[] oneSize;
    final Map<String, Candidate[]> sizedByCategory;
    final int sizedCount;
    final Map<String, Candidate> byCode;

    SizedIndex(List<Candidate> bestFirst) {
        List<Candidate> one = new ArrayList<>();
        Map<String, List<Candidate>> sized = new HashMap<>();
        for (Candidate c : bestFirst) {
            if (c.item().isOneSize()) {
                one.add(c);
            } else {
                sized.computeIfAbsent(c.item().style.category(), k -> new ArrayList<>()).add(c);
            }
        }
        oneSize = one.toArray(Candidate[]::new);
        Map<String, Candidate[]> arrays = new HashMap<>();
        sized.forEach((category, list) -> arrays.put(category, list.toArray(Candidate[]::new)));
        sizedByCategory = arrays;
        sizedCount = bestFirst.size() - oneSize.length;
        Map<String, Candidate> codes = new HashMap<>();
        bestFirst.forEach(c -> codes.put(c.item().code(), c));
        byCode = codes;
    }

    /** Categories with sized candidates where the customer's size is unknown, for the explanation. */
    List<String> unknownSizeCategories(CustomerProfile customer) {
        List<String> unknown = new ArrayList<>();
        for (String category : sizedByCategory.keySet()) {
            if (!Evaluation.knowsSize(customer, category)) {
                unknown.add(category);
            }
        }
        unknown.sort(null);
        return unknown;
    }
}
