package jp.koyomi.relevance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A campaign's content blocks bound to a run: guide and topic blocks are built once and shared by
 * every decision; only the points block is made per customer (it carries their points).
 */
final class Blocks {

    static final String DEFAULT_POINTS_KEY = "expiring-points";

    private final ContentBlock[] topics;
    private final boolean topicsRequired;

    private final ContentRules.Points points;
    private final boolean pointsRequired;

    private final Map<String, List<ContentBlock>> guidesByStyle;
    private final Map<String, List<ContentBlock>> guidesByCategory;
    private final Instant howToCutoff;
    private final int maxHowTo;

    Blocks(ContentRules.Blocks rules, RunContext run, CatalogSnapshot catalog, List<String> warnings) {
        ContentRules.Topics t = rules == null ? null : rules.topics();
        topics = t == null ? new ContentBlock[0] : t.blocks().stream()
                .map(b -> new ContentBlock(BlockType.TOPIC, b.key(), b.title(), b.url(), b.topic(), 0, null))
                .toArray(ContentBlock[]::new);
        topicsRequired = t != null && Boolean.TRUE.equals(t.required());
        points = rules == null ? null : rules.points();
        pointsRequired = points != null && Boolean.TRUE.equals(points.required());
        ContentRules.HowTo howTo = rules == null ? null : rules.howTo();
        guidesByStyle = new HashMap<>();
        guidesByCategory = new HashMap<>();
        if (howTo != null) {
            for (int i = 0; i < howTo.guides().size(); i++) {
                ContentRules.Guide g = howTo.guides().get(i);
                boolean forStyle = g.style() != null && !g.style().isBlank();
                String subject = forStyle ? g.style() : g.category();
                (forStyle ? guidesByStyle : guidesByCategory).computeIfAbsent(subject, k -> new ArrayList<>())
                        .add(new ContentBlock(BlockType.HOW_TO, g.key(), g.title(), g.url(), subject, 0, null));
                if (forStyle && catalog.stocked(subject) == null) {
                    warnings.add("rules.blocks.how_to.guides[" + i + "].style: no style '" + subject + "' in the catalog");
                }
            }
        }
        howToCutoff = howTo == null ? null : run.runAt().minus(Duration.ofDays(howTo.boughtWithinDays()));
        maxHowTo = howTo == null || howTo.maxBlocks() == null ? ContentRules.HowTo.DEFAULT_MAX_BLOCKS : howTo.maxBlocks();
    }

    boolean topicsRequired() {
        return topicsRequired;
    }

    boolean pointsRequired() {
        return pointsRequired;
    }

    /** Adds a block per subscribed topic; false when none was added. */
    boolean addTopics(CustomerProfile customer, List<ContentBlock> out) {
        boolean any = false;
        for (ContentBlock b : topics) {
            if (customer.topics().contains(b.subject())) {
                out.add(b);
                any = true;
            }
        }
        return any;
    }

    Note topicMiss(CustomerProfile customer) {
        return () -> "subscribed to none of the campaign's topics ("
                + Arrays.stream(topics).map(ContentBlock::subject).distinct().sorted()
                        .collect(Collectors.joining(", "))
                + "); subscribed: " + (customer.topics().isEmpty() ? "none" : String.join(", ", customer.topics()));
    }

    /** Adds the expiring-points block when the customer qualifies; false when not. */
    boolean addPoints(CustomerProfile customer, LocalDate runDate, List<ContentBlock> out) {
        if (points == null) {
            return false;
        }
        LocalDate expiry = customer.pointsExpireOn();
        if (customer.points() < points.minPoints() || expiry == null || expiry.isBefore(runDate)
                || expiry.isAfter(runDate.plusDays(points.expiringWithinDays()))) {
            return false;
        }
        out.add(new ContentBlock(BlockType.EXPIRING_POINTS, points.key() == null ? DEFAULT_POINTS_KEY : points.key(),
                points.title(), points.url(), null, customer.points(), expiry));
        return true;
    }

    Note pointsMiss(CustomerProfile customer) {
        return () -> "no points block: " + customer.points() + " points"
                + (customer.pointsExpireOn() == null ? " without expiry" : " expiring on " + customer.pointsExpireOn())
                + "; needs at least " + points.minPoints() + " expiring within " + points.expiringWithinDays() + " days";
    }

    /** Guides for styles, then categories, bought recently; the latest purchases first. */
    void addHowTo(CustomerProfile customer, List<ContentBlock> out) {
        if (howToCutoff == null) {
            return;
        }
        List<Recent> recent = null;
        for (StyleHistory s : guidesByStyle.isEmpty() ? List.<StyleHistory>of() : customer.styles().values()) {
            List<ContentBlock> guides = guidesByStyle.get(s.styleCode());
            if (guides != null && isRecent(s.lastPurchase())) {
                recent = add(recent, guides, s.lastPurchase(), 0);
            }
        }
        for (CategoryHistory c : customer.categories().values()) {
            List<ContentBlock> guides = guidesByCategory.get(c.category());
            if (guides != null && isRecent(c.lastPurchase())) {
                recent = add(recent, guides, c.lastPurchase(), 1);
            }
        }
        if (recent == null) {
            return;
        }
        recent.sort(RECENT_FIRST);
        int added = 0;
        for (Recent r : recent) {
            if (added == maxHowTo) {
                return;
            }
            if (out.stream().noneMatch(b -> b.key().equals(r.block.key()))) {
                out.add(r.block);
                added++;
            }
        }
    }

    private boolean isRecent(Instant purchase) {
        return purchase != null && purchase.isAfter(howToCutoff);
    }

    private static List<Recent> add(List<Recent> to, List<ContentBlock> guides, Instant when, int rank) {
        List<Recent> list = to == null ? new ArrayList<>(4) : to;
        for (ContentBlock g : guides) {
            list.add(new Recent(g, when, rank));
        }
        return list;
    }

    private record Recent(ContentBlock block, Instant when, int rank) {
    }

    private static final Comparator<Recent> RECENT_FIRST = Comparator.comparingInt(Recent::rank)
            .thenComparing(Recent::when, Comparator.reverseOrder())
            .thenComparing(r -> r.block.key());
}
