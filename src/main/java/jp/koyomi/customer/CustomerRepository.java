package jp.koyomi.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@ApplicationScoped
public class CustomerRepository {

    @Inject
    EntityManager em;

    public Optional<Customer> findByExternalId(String externalId) {
        return em.createQuery("FROM Customer WHERE externalId = :id", Customer.class).setParameter("id", externalId)
                .getResultStream().findFirst();
    }

    /** The database id only: no entity is loaded, so one read after a JDBC change is never stale. */
    public Optional<Long> idOf(String externalId) {
        return em.createQuery("SELECT id FROM Customer WHERE externalId = :id", Long.class).setParameter("id", externalId)
                .getResultStream().findFirst();
    }

    /** A keyset page in external id order: the customers after {@code after} (null: from the start). */
    public List<Customer> pageAfter(String after, int limit) {
        return em.createQuery("FROM Customer WHERE (:after IS NULL OR externalId > :after) ORDER BY externalId",
                Customer.class).setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /**
     * Customers whose external id or email starts with {@code query}, or whose name in kanji or kana
     * (family then given, spaces ignored) contains it; a keyset page in external id order.
     */
    public List<Customer> search(String query, String after, int limit) {
        String q = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String name = q.replace(" ", "").replace("\u3000", "");
        return em.createQuery("FROM Customer WHERE (:after IS NULL OR externalId > :after) AND ("
                + "externalId LIKE :prefix ESCAPE '\\' OR LOWER(email) LIKE :lowerPrefix ESCAPE '\\' "
                + "OR CONCAT(familyName, COALESCE(givenName, '')) LIKE :name ESCAPE '\\' "
                + "OR CONCAT(COALESCE(familyNameKana, ''), COALESCE(givenNameKana, '')) LIKE :name ESCAPE '\\') "
                + "ORDER BY externalId", Customer.class).setParameter("after", after).setParameter("prefix", q + "%")
                .setParameter("lowerPrefix", q.toLowerCase(java.util.Locale.ROOT) + "%")
                .setParameter("name", "%" + name + "%").setMaxResults(limit).getResultList();
    }

    /** The size each customer wears per category, as derived from their orders. */
    public Map<Long, Map<String, String>> sizesOf(List<Long> customerIds) {
        Map<Long, Map<String, String>> sizes = new HashMap<>();
        if (customerIds.isEmpty()) {
            return sizes;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT customer_id, category, size FROM customer_category "
                + "WHERE size IS NOT NULL AND customer_id IN (:ids)").setParameter("ids", customerIds).getResultList();
        for (Object[] row : rows) {
            sizes.computeIfAbsent(((Number) row[0]).longValue(), k -> new TreeMap<>()).put((String) row[1],
                    (String) row[2]);
        }
        return sizes;
    }

    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
    }
}
