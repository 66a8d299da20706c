package jp.koyomi.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import jp.koyomi.domain.Channel;
import jp.koyomi.domain.Climate;
import jp.koyomi.domain.ClimateZone;
import jp.koyomi.domain.Lifecycle;
import jp.koyomi.domain.Season;
import jp.koyomi.relevance.CatalogSnapshot;
import jp.koyomi.relevance.CategoryHistory;
import jp.koyomi.relevance.ChannelAccess;
import jp.koyomi.relevance.ChannelChoice;
import jp.koyomi.relevance.ChannelDecision;
import jp.koyomi.relevance.CompiledRules;
import jp.koyomi.relevance.CustomerProfile;
import jp.koyomi.relevance.Decision;
import jp.koyomi.relevance.FrequencyCap;
import jp.koyomi.relevance.MessageCounts;
import jp.koyomi.relevance.OfferRecord;
import jp.koyomi.relevance.RulesJson;
import jp.koyomi.relevance.RunContext;
import jp.koyomi.relevance.Style;
import jp.koyomi.relevance.StyleHistory;
import jp.koyomi.relevance.Variant;

/**
 * Decisions per second on one thread, on a 10,000-variant catalog (1,250 styles x 4 sizes x 2
 * colours, 20 categories) and 4,096 customers with realistic histories. Three campaigns: the
 * weekly newsletter (every item rule and block at once), the last-chance jeans letter and the
 * winter-coat markdown for cold regions. Results: docs/bench/relevance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RelevanceBenchmark {

    static final String NEWSLETTER = """
            {
              "items": {
                "sources": [{"type": "LAST_CHANCE"}, {"type": "MARKDOWN", "overstock_above": 20},
                            {"type": "NEW_ARRIVALS", "arrived_within_days": 30, "top_categories": 3}],
                "in_season": true, "match_customer_climate": true,
                "min_stock": 1, "not_offered_within_days": 30, "min_items": 1, "max_items": 4
              },
              "blocks": {
                "how_to": {"bought_within_days": 60, "guides": [
                  {"category": "cat-0", "key": "care-0", "title": "Care 0"},
                  {"category": "cat-1", "key": "care-1", "title": "Care 1"},
                  {"category": "cat-2", "key": "care-2", "title": "Care 2"}]},
                "points": {"min_points": 500, "expiring_within_days": 30},
                "topics": {"blocks": [{"topic": "styling", "key": "s", "title": "Styling"},
                                      {"topic": "craft", "key": "c", "title": "Craft"}]}
              }
            }
            """;

    static final String LAST_CHANCE_JEANS = """
            {"items": {"sources": [{"type": "LAST_CHANCE"}], "categories": ["cat-0"],
                       "not_offered_within_days": 14, "max_items": 3}}
            """;

    static final String WINTER_COAT_MARKDOWN = """
            {"audience": {"climate_zones": ["COLD"]},
             "items": {"sources": [{"type": "MARKDOWN", "overstock_above": 20}], "categories": ["cat-1", "cat-2"],
                       "in_season": true, "climates": ["COLD", "ALL"], "min_stock": 2,
                       "not_offered_within_days": 30, "max_items": 4}}
            """;

    private static final Instant RUN_AT = Instant.parse("2026-02-10T01:00:00Z");
    private static final String[] SIZES = {"S", "M", "L", "XL"};
    private static final int CUSTOMERS = 4096;

    private CompiledRules newsletter;
    private CompiledRules lastChance;
    private CompiledRules winterCoat;
    private ChannelChoice channels;
    private FrequencyCap cap;
    private CustomerProfile[] customers;
    private MessageCounts[] counts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(20260210);
        List<Style> styles = catalog(random);
        CatalogSnapshot snapshot = CatalogSnapshot.of(styles);
        if (snapshot.variantCount() != 10_000) {
            throw new IllegalStateException("catalog has " + snapshot.variantCount() + " variants");
        }
        RunContext run = new RunContext(RUN_AT, null, 1L);
        newsletter = CompiledRules.compile(RulesJson.parse(NEWSLETTER), snapshot, run);
        lastChance = CompiledRules.compile(RulesJson.parse(LAST_CHANCE_JEANS), snapshot, run);
        winterCoat = CompiledRules.compile(RulesJson.parse(WINTER_COAT_MARKDOWN), snapshot, run);
        channels = new ChannelChoice(List.of(Channel.LINE, Channel.EMAIL, Channel.POSTAL));
        cap = new FrequencyCap(Duration.ofDays(7), 3, Map.of(Channel.POSTAL, 1));
        customers = new CustomerProfile[CUSTOMERS];
        counts = new MessageCounts[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            customers[i] = customer(i, random, styles);
            counts[i] = new MessageCounts(random.nextInt(4), Map.of(Channel.POSTAL, random.nextInt(2)));
        }
    }

    private static List<Style> catalog(Random random) {
        List<Style> styles = new ArrayList<>();
        for (int s = 0; s < 1_250; s++) {
            String code = "ST-" + s;
            List<Variant> variants = new ArrayList<>();
            for (String size : SIZES) {
                for (String colour : new String[] {"black", "navy"}) {
                    int stock = random.nextInt(10) < 2 ? 0 : random.nextInt(30);
                    variants.add(new Variant(code + "-" + size + "-" + colour, size, colour, stock));
                }
            }
            int roll = random.nextInt(100);
            Lifecycle lifecycle = roll < 5 ? Lifecycle.DISCONTINUING : roll < 7 ? Lifecycle.DISCONTINUED : Lifecycle.ACTIVE;
            int price = 3_000 + random.nextInt(40) * 500;
            Integer markdown = random.nextInt(100) < 15 ? price * (50 + random.nextInt(40)) / 100 : null;
            Instant arrived = RUN_AT.minus(Duration.ofDays(random.nextInt(100) < 8 ? random.nextInt(30) : 60 + random.nextInt(700)));
            styles.add(new Style(code, "Style " + s, "cat-" + (s % 20), Season.values()[random.nextInt(3)],
                    Climate.values()[random.nextInt(4)], lifecycle,
                    lifecycle == Lifecycle.DISCONTINUING ? LocalDate.of(2026, 3, 31) : null, price, markdown,
                    "https://shop.example/p/" + code, "https://shop.example/i/" + code + ".jpg", arrived, variants));
        }
        return styles;
    }

    private static CustomerProfile customer(int id, Random random, List<Style> styles) {
        Map<String, CategoryHistory> categories = new HashMap<>();
        Map<String, StyleHistory> bought = new HashMap<>();
        int orders = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(12);
        for (int o = 0; o < orders; o++) {
            // Skewed to the first categories, as real affinity is.
            Style style = styles.get(Math.min(styles.size() - 1, (int) Math.abs(random.nextGaussian() * 300)));
            String size = SIZES[random.nextInt(SIZES.length)];
            Instant at = RUN_AT.minus(Duration.ofDays(random.nextInt(400)));
            categories.merge(style.category(), new CategoryHistory(style.category(), size, 1, at),
                    (a, b) -> new CategoryHistory(a.category(), a.size(), a.purchases() + 1,
                            a.lastPurchase().isAfter(at) ? a.lastPurchase() : at));
            bought.merge(style.code(), new StyleHistory(style.code(), 1, at, size),
                    (a, b) -> new StyleHistory(a.styleCode(), a.purchases() + 1, at, size));
        }
        List<OfferRecord> offers = new ArrayList<>();
        for (int o = random.nextInt(8); o > 0; o--) {
            offers.add(new OfferRecord(styles.get(random.nextInt(styles.size())).code(), 1L, Channel.EMAIL,
                    RUN_AT.minus(Duration.ofDays(random.nextInt(60)))));
        }
        Set<String> topics = new HashSet<>();
        if (random.nextBoolean()) {
            topics.add("styling");
        }
        ClimateZone zone = ClimateZone.values()[random.nextInt(3)];
        boolean line = random.nextBoolean();
        return new CustomerProfile(id, "C-" + id, 1 + random.nextInt(47), zone, "Kanto", topics,
                random.nextInt(3_000), LocalDate.of(2026, 2, 10).plusDays(random.nextInt(90)), categories, bought, offers,
                new ChannelAccess(random.nextInt(10) < 7, true, line, line, random.nextInt(10) < 3, true),
                random.nextInt(4) == 0 ? Channel.POSTAL : null);
    }

    private int nextIndex() {
        next = (next + 1) & (CUSTOMERS - 1);
        return next;
    }

    @Benchmark
    public Decision newsletter() {
        return newsletter.decide(customers[nextIndex()]);
    }

    @Benchmark
    public Decision lastChanceJeans() {
        return lastChance.decide(customers[nextIndex()]);
    }

    @Benchmark
    public Decision winterCoatMarkdown() {
        return winterCoat.decide(customers[nextIndex()]);
    }

    /** The whole relevance stage of a run for one customer: decide, cap, choose the channel. */
    @Benchmark
    public ChannelDecision newsletterWithCapAndChannel() {
        int i = nextIndex();
        CustomerProfile customer = customers[i];
        Decision decision = newsletter.decide(customer);
        if (!decision.isOffer() || !cap.check(counts[i]).allowed()) {
            return null;
        }
        return channels.choose(customer.channels(), customer.preferred(), cap.cappedChannels(counts[i]));
    }
}
