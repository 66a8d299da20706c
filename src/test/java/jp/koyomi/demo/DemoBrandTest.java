package jp.koyomi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.koyomi.imports.Row;

class DemoBrandTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 2, 20);
    private final DemoBrand brand = new DemoBrand(TODAY);

    private static List<Map<String, String>> cells(java.util.Iterator<Row> rows) {
        List<Map<String, String>> all = new ArrayList<>();
        rows.forEachRemaining(r -> all.add(r.cells()));
        return all;
    }

    @Test
    void shouldBeDeterministic() {
        assertEquals(cells(brand.customerRows(1, 50)), cells(new DemoBrand(TODAY).customerRows(1, 50)));
        assertEquals(cells(brand.orderRows(1, 50)), cells(new DemoBrand(TODAY).orderRows(1, 50)));
    }

    @Test
    void shouldMakeTheSameCustomerWhicheverChunkItIsGeneratedIn() {
        assertEquals(cells(brand.customerRows(100, 100)).get(0), cells(brand.customerRows(1, 200)).get(99));
    }

    @Test
    void shouldHaveAboutTwoHundredStylesWithTheSeedSituations() {
        var styles = brand.styles();
        assertTrue(styles.size() >= 190 && styles.size() <= 210, "styles: " + styles.size());
        var lastChance = styles.stream().filter(s -> s.code().equals("JN-204")).findFirst().orElseThrow();
        assertEquals("DISCONTINUING", lastChance.lifecycle());
        lastChance.stockBySize().forEach((size, stock) -> assertEquals(Set.of("XS", "XXL").contains(size), stock > 0, size));
        var withM = styles.stream().filter(s -> s.code().equals("JN-310")).findFirst().orElseThrow();
        assertTrue(withM.stockBySize().get("M") > 0);
        assertTrue(styles.stream().anyMatch(s -> s.category().equals("coats") && s.climate().equals("COLD")
                && s.markdownPrice() != null && s.stockBySize().values().stream().allMatch(n -> n >= 40)));
    }

    @Test
    void shouldSpreadFiveThousandCustomersOverAll47PrefecturesWithMixedConsents() {
        List<Map<String, String>> customers = cells(brand.customerRows(1, 5000));
        Set<String> prefectures = new HashSet<>();
        int lineOnly = 0, emailOnly = 0, postalOnly = 0, none = 0, expiringSoon = 0;
        for (Map<String, String> c : customers) {
            prefectures.add(c.get("prefecture"));
            boolean e = c.get("email_consent").equals("true"), l = c.get("line_consent").equals("true"),
                    p = c.get("postal_consent").equals("true");
            lineOnly += l && !e && !p ? 1 : 0;
            emailOnly += e && !l && !p ? 1 : 0;
            postalOnly += p && !e && !l ? 1 : 0;
            none += !e && !l && !p ? 1 : 0;
            String expiry = c.get("points_expire_on");
            expiringSoon += !expiry.isEmpty() && !LocalDate.parse(expiry).isAfter(TODAY.plusDays(30)) ? 1 : 0;
            assertTrue(c.get("postal_code").matches("\\d{3}-\\d{4}"));
        }
        assertEquals(47, prefectures.size());
        assertTrue(lineOnly > 500 && emailOnly > 500 && postalOnly > 100 && none > 50,
                lineOnly + " " + emailOnly + " " + postalOnly + " " + none);
        assertTrue(expiringSoon > 200, "points expiring within a month: " + expiringSoon);
    }

    @Test
    void shouldHaveCustomersWhoBoughtTheLastChanceJeansThreeTimesInM() {
        long threeTimesInM = cells(brand.orderRows(1, 5000)).stream().filter(o -> o.get("sku").equals("JN-204-M"))
                .map(o -> o.get("customer_external_id")).collect(java.util.stream.Collectors.groupingBy(c -> c,
                        java.util.stream.Collectors.counting()))
                .values().stream().filter(n -> n == 3).count();
        assertEquals(40, threeTimesInM);
    }
}
